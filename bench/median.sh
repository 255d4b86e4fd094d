# Sourced by the bench scripts. median: of the numbers on stdin, one a line; prints nothing for no numbers.
median() { sort -g | awk '{ v[NR]=$1 } END { if (NR) print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2 }'; }

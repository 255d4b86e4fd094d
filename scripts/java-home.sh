# Sourced by ./fwbench, ./mvnw and .ci/run: points JAVA_HOME at a JDK 21 or newer.
# Looks at JAVA_HOME, then the java on PATH, then the system's usual JVM folders; when none is new
# enough it prints one line saying what it found and what to install, and returns 1.

fwbench_java_major() { # $1: a JDK's home; prints its major version, or nothing
  local home=$1 v
  [ -x "$home/bin/java" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "${v:-}" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  v=${v#1.}
  printf '%s\n' "${v%%[!0-9]*}"
}

fwbench_find_jdk() {
  local candidates=() found=() c d major path_java
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if path_java=$(command -v java 2>/dev/null); then
    path_java=$(readlink -f "$path_java")
    candidates+=("${path_java%/bin/java}")
  fi
  # FWBENCH_JVM_DIRS (folders holding JDKs, separated by spaces) replaces the usual ones; the tests use it.
  local dirs=${FWBENCH_JVM_DIRS:-"/usr/lib/jvm /usr/java /opt/java /opt /Library/Java/JavaVirtualMachines $HOME/.sdkman/candidates/java $HOME/.jdks"}
  for d in $dirs; do
    for c in "$d"/* "$d"/*/Contents/Home; do
      [ -d "$c" ] && [ -x "$c/bin/java" ] && candidates+=("$c")
    done
  done
  local -A seen=()
  for c in "${candidates[@]}"; do
    c=$(readlink -f "$c")
    [ -z "${seen[$c]:-}" ] || continue
    seen[$c]=1
    major=$(fwbench_java_major "$c")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ -x "$c/bin/javac" ]; then
      export JAVA_HOME=$c
      return 0
    fi
    found+=("$c (Java $major)")
  done
  local seen="no JDK at all"
  [ ${#found[@]} -gt 0 ] && seen="only $(IFS=,; echo "${found[*]}" | sed 's/,/, /g')"
  echo "fwbench: needs a JDK 21 or newer and found $seen; install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
  return 1
}

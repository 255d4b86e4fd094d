import java.util.Random;

/**
 * How fast this CPU's memory system is right now: a pointer chase through a random cycle over a few MB (larger
 * than a core's L2, smaller than the L3), counted in steps per millisecond for each of several short slots.
 * Run alone on an idle VM its figure should be flat; when it swings, something outside the VM (most likely
 * another guest's cache and memory traffic) is slowing memory-bound programs on it, which neither steal time
 * nor other processes' CPU shows. Used by bench/host-noise.py.
 *
 * <p>Usage: {@code java bench/CacheProbe.java [MB=4] [SLOTS=20] [SECONDS_PER_SLOT=0.5]}; prints one line of
 * steps per millisecond per slot.
 */
public final class CacheProbe {

    public static void main(String[] args) {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int slots = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 0.5;
        int[] next = cycle(mb * 1024 * 1024 / Integer.BYTES);
        int p = 0;
        for (int i = 0; i < 200_000; i++) { // compiled before the first slot counts
            p = next[p];
        }
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < slots; s++) {
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            long steps = 0;
            long now;
            do {
                for (int i = 0; i < 10_000; i++) {
                    p = next[p];
                }
                steps += 10_000;
                now = System.nanoTime();
            } while (now < end);
            out.append(steps * 1_000_000 / (now - start)).append(s + 1 < slots ? " " : "");
        }
        System.out.println(out);
        if (p == -1) { // keeps the chase from being optimised away
            System.out.println(p);
        }
    }

    /** A random permutation that is one cycle through every index (Sattolo's algorithm), from a fixed seed. */
    private static int[] cycle(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        Random random = new Random(1);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}

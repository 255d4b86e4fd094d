package org.fwbench.analysis;

import java.util.List;
import org.fwbench.result.Measurement.LeakCheck;
import org.fwbench.result.Measurement;
import org.fwbench.result.MemoryBasis;

/**
 * Tells a leak from a warm-up: memory is followed over the phases after the first (which warms
 * caches, pools and JITs), and only growth that goes on with the requests counts.
 */
public final class LeakDetector {

    /** Growth smaller than this is allocator noise, whatever its slope. */
    static final long NOISE_BYTES = 1L << 20;
    /** Growth smaller than this share of the memory at the start is noise too. */
    static final double NOISE_SHARE = 0.02;

    private LeakDetector() {
    }

    public static LeakCheck check(List<Measurement.Phase> phases) {
        MemoryBasis basis = MemoryBasis.of(phases.stream().map(Measurement.Phase::pssBytes).toList());
        List<Measurement.Phase> used = phases.size() >= 3 ? phases.subList(1, phases.size()) : phases;
        int n = used.size();
        double[] x = new double[n];
        double[] y = new double[n];
        long cumulative = 0;
        for (int i = 0; i < n; i++) {
            cumulative += used.get(i).requests();
            x[i] = cumulative / 1000.0;
            y[i] = used.get(i).memory(basis);
        }
        double slope = slope(x, y);
        long start = (long) y[0];
        long growth = (long) (y[n - 1] - y[0]);
        boolean growing = slope > 0 && growth > Math.max(NOISE_BYTES, NOISE_SHARE * start);
        return new LeakCheck(growing ? LeakCheck.Verdict.GROWING : LeakCheck.Verdict.PLATEAU, basis, slope, growth, n);
    }

    /** Least-squares slope of y over x; 0 when x does not vary. */
    private static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}

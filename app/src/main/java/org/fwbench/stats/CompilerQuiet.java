package org.fwbench.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells when a JIT runtime under load has finished compiling its hot code: the share of its CPU spent by its
 * compiler threads, over the last {@code span} seconds of intervals (and at least the rule's number of them), has
 * fallen below {@code maxShare}. A Java server's throughput climbs while its compilers work (bench/jit-warmup.py:
 * C1/C2 at 50-65 % of its CPU for 4-7 s) and levels off once they are quiet, while the interval-to-interval noise
 * of a two-core VM (10-20 % at 250 ms) can keep {@link SteadyState}'s agreement test from ever passing. A process
 * whose compiler threads never ran is no JIT runtime and is never called quiet: its warm-up is judged by
 * {@link SteadyState} alone. The answer is for now: a later interval can show a second wave of compilations (C2
 * after C1).
 */
public final class CompilerQuiet {

    /**
     * @param spanSeconds  the trailing time the share is taken over
     * @param minIntervals the fewest trailing intervals it is taken over, when that is longer: a warm-up that loads
     *                     its routes in turn asks for a whole turn, so that every route's code was run while the
     *                     compilers stayed quiet
     * @param maxShare     the largest share of the process's CPU its compilers may take over that time
     */
    public record Rule(double spanSeconds, int minIntervals, double maxShare) {
        /** The compilers at under 5 % of the process's CPU for a second. */
        public static final Rule DEFAULT = new Rule(1.0, 1, 0.05);

        public Rule {
            if (!(spanSeconds > 0) || minIntervals < 1 || !(maxShare > 0 && maxShare < 1)) {
                throw new IllegalArgumentException(
                        "a positive span, at least one interval and a share between 0 and 1 are needed");
            }
        }

        /** This rule over at least {@code n} trailing intervals. */
        public Rule overAtLeast(int n) {
            return new Rule(spanSeconds, n, maxShare);
        }
    }

    private record Interval(double seconds, long cpuNanos, long compilerNanos) {
    }

    private final Rule rule;
    private final List<Interval> intervals = new ArrayList<>();
    private boolean compiled;

    public CompilerQuiet(Rule rule) {
        this.rule = rule;
    }

    /** Adds one interval: its length, the process's CPU in it and its compiler threads' part of that. */
    public void add(double seconds, long cpuNanos, long compilerNanos) {
        intervals.add(new Interval(seconds, cpuNanos, compilerNanos));
        compiled |= compilerNanos > 0;
    }

    /** Whether the compilers are quiet now, over the trailing span; never before they have run at all. */
    public boolean quiet() {
        return quietSince() >= 0;
    }

    /** Index of the first interval of the trailing span (at least the rule's intervals) if it is quiet, else -1. */
    public int quietSince() {
        if (!compiled) {
            return -1;
        }
        double span = 0;
        long cpu = 0;
        long compiler = 0;
        for (int i = intervals.size() - 1; i >= 0; i--) {
            Interval in = intervals.get(i);
            span += in.seconds();
            cpu += in.cpuNanos();
            compiler += in.compilerNanos();
            if (span >= rule.spanSeconds() && intervals.size() - i >= rule.minIntervals()) {
                return cpu > 0 && compiler < rule.maxShare() * cpu ? i : -1;
            }
        }
        return -1;
    }
}

package org.fwbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompilerQuietTest {

    private static final CompilerQuiet.Rule RULE = CompilerQuiet.Rule.DEFAULT;
    private static final long MS = 1_000_000;

    @Test
    void aWarmingJitIsQuietOnlyOnceItsCompilersHaveBeenIdleForTheWholeSpan() {
        CompilerQuiet jit = new CompilerQuiet(RULE);
        // 250 ms intervals of a busy core: the compilers at 60 % of it, then 30 %, then almost nothing.
        int[] compilerShare = {60, 60, 55, 30, 10, 2, 1, 0, 1};
        int quietAt = -1;
        for (int i = 0; i < compilerShare.length; i++) {
            jit.add(0.25, 250 * MS, compilerShare[i] * 250 * MS / 100);
            if (jit.quiet() && quietAt < 0) {
                quietAt = i;
            }
        }
        // The trailing second must be under 5 % as a whole: indices 3-6 hold 10.75 %, 4-7 hold 3.25 %.
        assertThat(quietAt).isEqualTo(7);
        assertThat(jit.quietSince()).isEqualTo(5);
    }

    @Test
    void aProcessWhoseCompilersNeverRanIsNeverCalledQuiet() {
        CompilerQuiet python = new CompilerQuiet(RULE);
        for (int i = 0; i < 20; i++) {
            python.add(0.25, 250 * MS, 0);
        }
        assertThat(python.quiet()).isFalse();
        assertThat(python.quietSince()).isEqualTo(-1);
    }

    @Test
    void aSecondWaveOfCompilationsEndsTheQuiet() {
        CompilerQuiet jit = new CompilerQuiet(RULE);
        jit.add(0.25, 250 * MS, 150 * MS);
        for (int i = 0; i < 4; i++) {
            jit.add(0.25, 250 * MS, 0);
        }
        assertThat(jit.quiet()).isTrue();
        jit.add(0.25, 250 * MS, 100 * MS); // C2 picks up what C1 compiled first
        assertThat(jit.quiet()).isFalse();
    }

    @Test
    void lessThanTheSpanOfIntervalsIsNotYetAnAnswer() {
        CompilerQuiet jit = new CompilerQuiet(RULE);
        jit.add(0.25, 250 * MS, 10 * MS);
        jit.add(0.25, 250 * MS, 0);
        assertThat(jit.quiet()).isFalse();
    }

    @Test
    void overAWholeTurnOfFiveRoutesASecondOfQuietIsNotEnough() {
        // Five routes loaded in turn, 250 ms each: the route loaded just before the last second was compiling.
        CompilerQuiet second = new CompilerQuiet(RULE);
        CompilerQuiet turn = new CompilerQuiet(RULE.overAtLeast(5));
        long[] compilerMs = {0, 100, 0, 0, 0, 0};
        for (long ms : compilerMs) {
            second.add(0.25, 250 * MS, ms * MS);
            turn.add(0.25, 250 * MS, ms * MS);
        }
        assertThat(second.quiet()).isTrue();
        assertThat(turn.quiet()).as("the last five intervals hold the burst: 8 %").isFalse();
        turn.add(0.25, 250 * MS, 0);
        assertThat(turn.quiet()).isTrue();
        assertThat(turn.quietSince()).isEqualTo(2);
    }

    @Test
    void rulesOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new CompilerQuiet.Rule(0, 1, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompilerQuiet.Rule(1, 0, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompilerQuiet.Rule(1, 1, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.fwbench.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MachineCpuTest {

    @Test
    void parsesTheAggregateLineWithoutCountingGuestTimeTwice() {
        MachineCpu cpu = MachineCpu.parse("cpu  11703 5 4377 24842 449 7 132 2446 300 0");

        assertThat(cpu.busyTicks()).isEqualTo(11703 + 5 + 4377 + 7 + 132);
        assertThat(cpu.stealTicks()).isEqualTo(2446);
        assertThat(cpu.totalTicks()).isEqualTo(11703 + 5 + 4377 + 7 + 132 + 24842 + 449 + 2446);
        assertThatThrownBy(() -> MachineCpu.parse("cpu0 1 2 3 4 5 6 7 8")).hasMessageContaining("not the cpu line");
    }

    @Test
    void anotherProcessSpinningIsCountedAsInterferenceAndOurOwnCpuIsNot() throws Exception {
        assumeThat(ProcFs.isPresent()).isTrue();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        MachineCpu before = MachineCpu.read().orElseThrow();
        long ownBefore = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        // A real neighbour: a shell busy-looping for about half a second, then exiting by itself.
        Process spinner = new ProcessBuilder("sh", "-c", "end=$(($(date +%s%N) + 500000000)); "
                + "while [ $(date +%s%N) -lt $end ]; do :; done").start();
        assertThat(spinner.waitFor(10, TimeUnit.SECONDS)).isTrue();
        double seconds = (System.nanoTime() - t0) / 1e9;
        MachineCpu after = MachineCpu.read().orElseThrow();
        double own = (os.getProcessCpuTime() - ownBefore) / 1e9;

        Interference i = Interference.between(before, after, seconds, own, 0);

        // The spinner's date calls fork: most of its half second is CPU, some is spent in children it waits for.
        assertThat(i.othersCpuSeconds()).isGreaterThan(0.2);
        assertThat(i.coresTaken()).isGreaterThan(0.3);
        assertThat(i.exceeds(0.1)).isTrue();
        assertThat(i.add(i).othersCpuSeconds()).isEqualTo(2 * i.othersCpuSeconds());
    }
}

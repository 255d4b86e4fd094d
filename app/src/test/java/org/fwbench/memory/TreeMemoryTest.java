package org.fwbench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeMemoryTest {

    private static final ProcessMemory MASTER = new ProcessMemory(10, "gunicorn master", 100, 1000, 40L, 60L, 0L, 120, 2, 1.5);
    private static final ProcessMemory WORKER = new ProcessMemory(11, "gunicorn worker", 90, 900, 30L, 50L, 5L, 95, 3, 0.5);
    private static final ProcessMemory UNREADABLE = new ProcessMemory(12, "not ours", 80, 800, null, null, null, 80, 1, 0.25);

    @Test
    void sumsEveryField() {
        TreeMemory tree = TreeMemory.of(List.of(MASTER, WORKER));
        assertThat(tree).usingRecursiveComparison().ignoringFields("epochMillis")
                .isEqualTo(new TreeMemory(0, 190, 1900, 70L, 110L, 5L, 215, 5, 2.0, List.of(MASTER, WORKER)));
    }

    @Test
    void aSumWithAnUnavailablePartIsUnavailableNotSmaller() {
        TreeMemory tree = TreeMemory.of(List.of(MASTER, UNREADABLE));
        assertThat(tree.ussBytes()).isNull();
        assertThat(tree.pssBytes()).isNull();
        assertThat(tree.swapBytes()).isNull();
        assertThat(tree.rssBytes()).isEqualTo(180);
    }

    @Test
    void timelinePointsDropTheBreakdownButKeepTheTotals() {
        TreeMemory tree = TreeMemory.of(List.of(MASTER, WORKER));
        TreeMemory point = tree.withoutProcesses();
        assertThat(point.processes()).isEmpty();
        assertThat(point).usingRecursiveComparison().ignoringFields("processes").isEqualTo(tree);
    }
}

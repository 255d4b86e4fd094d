package org.fwbench.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fwbench.memory.MemoryProbe;
import org.fwbench.result.Environment;
import org.fwbench.server.CpuSet;

/** Reads what the results must say about the machine and software. */
final class Environments {

    private Environments() {
    }

    static Environment detect(RunPlan plan, boolean pinned, MemoryProbe probe) {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
        int cores = onlineCpus();
        return new Environment(Version.get(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("os.version"),
                cpuModel(),
                cores,
                memory,
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                plan.cpus() == null ? "" : plan.cpus().load().toString(),
                plan.cpus() == null ? "" : plan.cpus().target().toString(),
                plan.cpus() == null ? cores : plan.cpus().target().size(),
                pinned,
                probe.hasUssAndPss() ? "proc-smaps" : "oshi");
    }

    /** The CPU's model name; Linux tells it in /proc/cpuinfo, elsewhere the architecture must do. */
    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    /** All CPUs of the machine, not only those this process may use (it may be pinned already). */
    private static int onlineCpus() {
        try {
            return CpuSet.parse(Files.readString(Path.of("/sys/devices/system/cpu/online")).strip()).size();
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }
}

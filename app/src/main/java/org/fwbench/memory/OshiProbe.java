package org.fwbench.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The fallback for macOS and Windows: RSS, VMS, threads and CPU time through OSHI. USS, PSS and
 * swap are not portable and stay null. No peak RSS either, so the peak is the highest RSS this
 * probe has seen for the process: a lower bound, and the reason to sample during load.
 */
public final class OshiProbe implements MemoryProbe {

    private final OperatingSystem os = new SystemInfo().getOperatingSystem();
    private final Map<Long, Long> peaks = new ConcurrentHashMap<>();

    @Override
    public TreeMemory read(long rootPid) {
        OSProcess root = os.getProcess((int) rootPid);
        if (root == null) {
            throw new ProcessGoneException(rootPid);
        }
        List<ProcessMemory> processes = new ArrayList<>();
        processes.add(memoryOf(root));
        for (OSProcess p : os.getDescendantProcesses((int) rootPid, null, null, 0)) {
            processes.add(memoryOf(p));
        }
        return TreeMemory.of(processes);
    }

    @Override
    public boolean hasUssAndPss() {
        return false;
    }

    private ProcessMemory memoryOf(OSProcess p) {
        long pid = p.getProcessID();
        long peak = peaks.merge(pid, p.getResidentMemory(), Math::max);
        String command = p.getCommandLine().isBlank() ? "[" + p.getName() + "]" : p.getCommandLine();
        return new ProcessMemory(pid, command, p.getResidentMemory(), p.getVirtualSize(), null, null, null, peak,
                p.getThreadCount(), (p.getKernelTime() + p.getUserTime()) / 1000.0);
    }
}

package org.fwbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.fwbench.load.Progress;
import org.fwbench.result.Measurement;
import org.fwbench.result.Warmup;
import org.fwbench.result.MemoryReading;
import org.fwbench.result.NotMeasured;
import org.fwbench.result.TargetResult;
import org.fwbench.run.RunListener;
import org.fwbench.units.Format;

/**
 * What a person watching {@code fwbench run} sees: the seed's familiar memory lines per target on
 * stdout, and progress on stderr (one live line on a terminal, plain lines otherwise).
 */
class ConsoleProgress implements RunListener {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean live;
    private boolean statusShown;

    ConsoleProgress(PrintWriter out, PrintWriter err, boolean live) {
        this.out = out;
        this.err = err;
        this.live = live;
    }

    @Override
    public void targetStarting(String target, int round, int madeUpFor) {
        status(madeUpFor > 0
                ? String.format(Locale.ROOT, "%s: starting again for start %d, measured under interference "
                        + "(a make-up start)", target, madeUpFor)
                : String.format(Locale.ROOT, "%s: starting (round %d)", target, round), true);
    }

    @Override
    public void notMeasured(String target, NotMeasured why) {
        clearStatus();
        out.println(target + ": memory and CPU " + why.label() + ": " + why.detail() + "; its load is measured");
        out.flush();
    }

    @Override
    public void targetReady(String target, String version, Long pid, Double startupSeconds, MemoryReading idle,
            String firstUrl) {
        clearStatus();
        out.println(String.format(Locale.ROOT, "%-32s PID=%-7s %s  %s  %s", label(target, version), pid == null ? "-" : pid,
                memory(idle),
                startupSeconds == null ? "already running" : String.format(Locale.ROOT, "ready in %.2f s", startupSeconds),
                firstUrl));
        out.flush();
    }

    @Override
    public void targetStopping(String target, String version, TargetResult.Start start) {
        clearStatus();
        out.println(String.format(Locale.ROOT, "%-32s PID=%-7s %s  after load", label(target, version),
                start.pid() == null ? "-" : start.pid(), start.pid() == null ? "memory not measured"
                        : start.after() == null ? "(exited)" : memory(start.after())));
        out.flush();
    }

    @Override
    public void targetSkipped(String target, String reason) {
        clearStatus();
        out.println(target + ": skipped: " + reason);
        out.flush();
    }

    @Override
    public void targetFailed(String target, String reason, List<String> logTail) {
        clearStatus();
        out.println(target + ": FAILED: " + reason);
        logTail.forEach(l -> out.println("    | " + l));
        out.flush();
    }

    @Override
    public void verified(String target, String scenario, List<String> problems) {
        if (!problems.isEmpty()) {
            clearStatus();
            out.println(target + ": scenario '" + scenario + "' fails verification: " + String.join("; ", problems));
            out.flush();
        }
    }

    @Override
    public void loadProgress(String target, String scenario, int repeat, Progress p) {
        status(String.format(Locale.ROOT, "%s %s #%d %s %4.1fs  %s req/s  %d errors  %d conns", target, scenario,
                repeat, p.warmup() ? "warm-up" : "measure", p.elapsedSeconds(), Format.number(p.requestsPerSecond()),
                p.errors(), p.connections()), false);
    }

    @Override
    public void measured(String target, String scenario, Measurement m) {
        Measurement.Conditions c = m.conditions();
        status(String.format(Locale.ROOT, "%s %s #%d: %s req/s, p99 %s ms, %.1f%% ok%s%s", target, scenario, m.repeat(),
                Format.number(m.load().throughput()), Format.number(m.load().latencyMs().p99()),
                m.load().successPercent(), steadiness(c.warmup()),
                c.remeasured() > 0 ? String.format(Locale.ROOT, ", measured again (%.2f of a core taken, %.2f "
                        + "compiling)", c.disturbance().coresTaken(), c.compilerCores()) : ""), true);
    }

    private static String steadiness(Warmup w) {
        return switch (w.state()) {
            case STEADY -> String.format(Locale.ROOT, ", steady after %.2f s", w.steadyAfterSeconds());
            case UNSTEADY -> String.format(Locale.ROOT, ", NOT steady after %.2f s", w.seconds());
            case CONTINUED, NONE -> "";
        };
    }

    /** The seed's MEM(rss,vms) figures, with the USS and PSS it lacked; null when not measured. */
    private static String memory(MemoryReading m) {
        if (m == null) {
            return "memory not measured";
        }
        return String.format(Locale.ROOT, "MEM(rss,vms,uss,pss)=(%s, %s, %s, %s) MiB", Format.mib(m.rssBytes()),
                Format.mib(m.vmsBytes()), Format.mib(m.ussBytes()), Format.mib(m.pssBytes()));
    }

    private static String label(String target, String version) {
        return version == null || version.isEmpty() ? target : target + " " + version;
    }

    /** On a terminal the line is rewritten in place; in a log only the lines that matter are kept. */
    private void status(String line, boolean important) {
        if (live) {
            err.print("\r\033[K" + line);
            err.flush();
            statusShown = true;
        } else if (important) {
            err.println(line);
            err.flush();
        }
    }

    private void clearStatus() {
        if (statusShown) {
            err.print("\r\033[K");
            err.flush();
            statusShown = false;
        }
    }
}

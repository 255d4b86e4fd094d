package org.fwbench.cli;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.fwbench.load.LoadResult;
import org.fwbench.stats.LatencySummary;
import org.fwbench.units.Format;

/**
 * What {@code fwbench hammer} prints: a load run's result as text, in the spirit of wrk's summary. It reads the
 * {@link LoadResult} and nothing else.
 */
final class LoadSummaryText {

    private static final String ROW = "  %-10s %9s %9s %9s %9s %9s %9s %9s%n";

    private LoadSummaryText() {
    }

    static String render(LoadResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "  %s model, %d connections, %.2fs measured%n", r.model(), r.connections(),
                r.durationSeconds()));
        sb.append(String.format(Locale.ROOT, ROW, "", "p50", "p75", "p90", "p99", "p99.9", "max", "mean"));
        latencyRow(sb, "open".equals(r.model()) ? "Latency*" : "Latency", r.latencyMs());
        if (r.serviceTimeMs() != null) {
            latencyRow(sb, "Service", r.serviceTimeMs());
        }
        if (r.waitMs() != null) {
            latencyRow(sb, "Wait", r.waitMs());
            sb.append("  * from each request's scheduled start (corrected for coordinated omission);\n")
                    .append("    Service: from the actual send; Wait: for a free connection\n");
        }
        sb.append(String.format(Locale.ROOT, "  %-10s %d (ok %d, failed %d, %.2f%% ok): %.1f req/s, throughput %.1f ok/s%n",
                "Requests", r.requests(), r.ok(), r.failed(), r.successPercent(), r.requestsPerSecond(), r.throughput()));
        sb.append(String.format(Locale.ROOT, "  %-10s %s read, %s/s%n", "Transfer", Format.bytes(r.bytesRead()),
                Format.bytes(Math.round(r.transferPerSecond()))));
        transport(sb, r);
        sb.append(String.format(Locale.ROOT, "  %-10s %s%n", "Statuses", counts(r.statuses())));
        sb.append(String.format(Locale.ROOT, "  %-10s %s%n", "Errors", counts(r.errors())));
        LoadResult.ClientCpu c = r.client();
        sb.append(String.format(Locale.ROOT, "  %-10s CPU %.2fs, %.1f us/request, %.0f%% of the CPUs it may use%n",
                "Client", c.cpuSeconds(), c.cpuMicrosPerRequest(), 100 * c.utilization()));
        if (c.saturated()) {
            sb.append(String.format(Locale.ROOT,
                    "  WARNING: the load engine itself was saturated (%.0f%% of its CPUs): these figures are a limit of%n"
                            + "  the client, not of the server. Give fwbench more CPUs than the server, or use fewer connections.%n",
                    100 * c.utilization()));
        }
        return sb.toString();
    }

    /** What the connections spoke, and what making them cost (only those made in the measured window are timed). */
    private static void transport(StringBuilder sb, LoadResult r) {
        LoadResult.Transport t = r.transport();
        if (t == null || t.protocol() == null) {
            return;
        }
        String tls = t.tlsProvider() == null ? "" : " over " + t.tlsVersion() + " (" + t.tlsProvider() + ")";
        boolean fellBack = r.plan() != null && "2".equals(r.plan().http()) && "http/1.1".equals(t.protocol());
        sb.append(String.format(Locale.ROOT, "  %-10s %s%s%s%n", "Protocol", t.protocol(), tls,
                fellBack ? ": HTTP/2 was asked for, the server offered no h2" : ""));
        if (t.connectMs() != null) {
            sb.append(String.format(Locale.ROOT, "  %-10s %d made: connect p50 %s, p99 %s", "Connections", t.connectMs().count(),
                    Format.millis(t.connectMs().p50()), Format.millis(t.connectMs().p99())));
            if (t.tlsHandshakeMs() != null) {
                sb.append(String.format(Locale.ROOT, "; TLS handshake p50 %s, p99 %s", Format.millis(t.tlsHandshakeMs().p50()),
                        Format.millis(t.tlsHandshakeMs().p99())));
            }
            sb.append(System.lineSeparator());
        }
    }

    private static void latencyRow(StringBuilder sb, String label, LatencySummary l) {
        sb.append(String.format(Locale.ROOT, ROW, label, Format.millis(l.p50()), Format.millis(l.p75()), Format.millis(l.p90()), Format.millis(l.p99()), Format.millis(l.p999()),
                Format.millis(l.max()), Format.millis(l.mean())));
    }

    private static String counts(Map<String, Long> counts) {
        String s = counts.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return s.isEmpty() ? "none" : s;
    }
}

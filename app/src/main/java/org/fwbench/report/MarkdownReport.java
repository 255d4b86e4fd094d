package org.fwbench.report;

import java.util.List;
import org.fwbench.result.Environment;
import org.fwbench.result.RunResult;
import org.fwbench.units.Format;

/**
 * The comparison as a Markdown document: environment, what the run shows (one line per scenario), then one table
 * per scenario with its problems and notes.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(RunResult result) {
        StringBuilder b = new StringBuilder();
        b.append("# fwbench: ").append(escape(result.suite())).append("\n\n");
        Environment e = result.environment();
        if (e != null) {
            b.append("- Machine: ").append(escape(e.cpuModel())).append(", ").append(e.cores()).append(" CPUs, ")
                    .append(Format.mib(e.memoryBytes())).append(" MiB, ").append(escape(e.os())).append(' ')
                    .append(escape(e.kernel())).append('\n');
            b.append("- ").append(escape(e.jdk())).append(", fwbench ").append(escape(e.fwbenchVersion())).append('\n');
            b.append("- CPUs: load engine ").append(e.loadCpus().isEmpty() ? "any" : e.loadCpus())
                    .append(", targets ").append(e.targetCpus().isEmpty() ? "any" : e.targetCpus())
                    .append(e.pinned() ? "" : " (not pinned)").append('\n');
        }
        b.append("- Command: `").append(String.join(" ", result.commandLine()).replace("`", "'")).append("`\n");
        List<ScenarioTable.Table> tables = ScenarioTable.of(result);
        b.append("\n## What this run shows\n\n");
        tables.forEach(t -> b.append("- **").append(escape(t.scenario())).append("**: ")
                .append(t.verdict().answer().isEmpty() ? "nothing was measured" : escape(t.verdict().answer()))
                .append('\n'));
        for (ScenarioTable.Table t : tables) {
            b.append("\n## ").append(escape(t.scenario())).append("\n\n").append(escape(t.caption())).append("\n\n");
            if (!t.rows().isEmpty()) {
                row(b, ScenarioTable.HEADER);
                b.append('|').append("---|".repeat(ScenarioTable.HEADER.size())).append('\n');
                t.rows().forEach(r -> row(b, r));
            }
            if (!t.problems().isEmpty() || !t.verdict().notes().isEmpty()) {
                b.append('\n');
                t.problems().forEach(p -> b.append("- ").append(escape(p)).append('\n'));
                t.verdict().notes().forEach(n -> b.append("- Note: ").append(escape(n)).append('\n'));
            }
        }
        List<String> notes = ScenarioTable.runNotes(result);
        if (!notes.isEmpty()) {
            b.append('\n');
            notes.forEach(n -> b.append(escape(n)).append('\n'));
        }
        return b.toString();
    }

    private static void row(StringBuilder b, List<String> cells) {
        b.append('|');
        cells.forEach(c -> b.append(' ').append(escape(c)).append(" |"));
        b.append('\n');
    }

    /** Text from targets and servers must not turn into Markdown or HTML. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '|', '\\', '`', '*', '_', '[', ']', '#' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

package org.fwbench.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.fwbench.result.RunResult;

/**
 * The comparison tables as aligned plain text for a terminal, each followed by its one-line answer ({@code =>}),
 * the targets that could not be measured ({@code !}) and at most one note per target.
 */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    public static void print(RunResult result, PrintWriter out) {
        print(ScenarioTable.of(result), out);
        out.println();
        ScenarioTable.runNotes(result).forEach(out::println);
        out.flush();
    }

    private static void print(List<ScenarioTable.Table> tables, PrintWriter out) {
        for (ScenarioTable.Table t : tables) {
            out.println();
            out.println(t.caption());
            if (!t.rows().isEmpty()) {
                List<List<String>> all = new ArrayList<>();
                all.add(ScenarioTable.HEADER);
                all.addAll(t.rows());
                align(all, 2).forEach(out::println);
            }
            if (!t.verdict().answer().isEmpty()) {
                out.println("  => " + t.verdict().answer());
            }
            for (String p : t.problems()) {
                out.println("  ! " + p);
            }
            for (String n : t.verdict().notes()) {
                out.println("  note: " + n);
            }
        }
        out.flush();
    }

    /** The rows as lines of aligned columns: the first {@code names} columns left-aligned, the rest right. */
    static List<String> align(List<List<String>> rows, int names) {
        int[] widths = widths(rows);
        return rows.stream().map(row -> line(row, widths, names)).toList();
    }

    private static int[] widths(List<List<String>> rows) {
        int[] w = new int[rows.getFirst().size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                w[i] = Math.max(w[i], row.get(i).length());
            }
        }
        return w;
    }

    /** Names left-aligned, figures right-aligned, as in every table people read numbers from. */
    private static String line(List<String> row, int[] widths, int names) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            b.append(i < names ? cell + pad : pad + cell).append(i + 1 < row.size() ? "  " : "");
        }
        return b.toString().stripTrailing();
    }
}

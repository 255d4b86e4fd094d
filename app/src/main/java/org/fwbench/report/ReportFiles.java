package org.fwbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.fwbench.result.AtomicFiles;
import org.fwbench.result.RunResult;

/** The report files of a run, HTML, Markdown and CSV, as both {@code run} and {@code report} write them. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * Writes each report whose file is given (null: not wanted), atomically.
     *
     * @return the files written, in the order given
     */
    public static List<Path> write(RunResult result, Path html, Path markdown, Path csv) throws IOException {
        List<Path> written = new ArrayList<>();
        write(html, HtmlReport::render, result, written);
        write(markdown, MarkdownReport::render, result, written);
        write(csv, CsvReport::render, result, written);
        return written;
    }

    private static void write(Path file, Function<RunResult, String> renderer, RunResult result, List<Path> written)
            throws IOException {
        if (file != null) {
            AtomicFiles.write(file, renderer.apply(result));
            written.add(file);
        }
    }
}

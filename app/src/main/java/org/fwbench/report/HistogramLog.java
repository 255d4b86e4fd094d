package org.fwbench.report;

import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * An HdrHistogram interval log (HistogramLogWriter's format, readable by HistogramLogProcessor and the
 * HdrHistogram plotters): one latency histogram per interval, in microseconds. Unlike the other outputs it
 * is streamed while the run goes on, so a crash leaves the intervals written so far.
 */
public final class HistogramLog implements Consumer<Histogram>, AutoCloseable {

    private final PrintStream out;
    private final HistogramLogWriter writer;
    /** Values are microseconds: the interval maxima in the log are then in milliseconds. */
    private static final double MAX_VALUE_UNIT_RATIO = 1000.0;

    private boolean started;
    private long baseMillis;

    public HistogramLog(Path file) throws FileNotFoundException {
        this.out = new PrintStream(file.toFile());
        this.writer = new HistogramLogWriter(out);
    }

    /** Writes one interval; its start and end time stamps (epoch ms) place it in the log. */
    @Override
    public void accept(Histogram interval) {
        if (!started) {
            started = true;
            writer.outputLogFormatVersion();
            writer.outputComment("fwbench latency intervals, values in microseconds");
            writer.outputStartTime(interval.getStartTimeStamp());
            baseMillis = interval.getStartTimeStamp();
            writer.outputLegend();
        }
        writer.outputIntervalHistogram((interval.getStartTimeStamp() - baseMillis) / 1000.0,
                (interval.getEndTimeStamp() - baseMillis) / 1000.0, interval, MAX_VALUE_UNIT_RATIO);
    }

    @Override
    public void close() {
        out.close();
    }
}

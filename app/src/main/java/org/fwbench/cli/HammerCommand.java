package org.fwbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.fwbench.config.LoadSettings;
import org.fwbench.config.LoadSpecs;
import org.fwbench.load.LoadEngine;
import org.fwbench.load.LoadModel;
import org.fwbench.load.LoadResult;
import org.fwbench.load.LoadSpec;
import org.fwbench.load.LoadSpec.Expectation;
import org.fwbench.load.LoadSpec.Header;
import org.fwbench.report.HistogramLog;
import org.fwbench.result.Json;
import org.fwbench.units.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fwbench hammer URL}: loads one URL the way wrk, ab or hey do, and prints what it measured. */
@Command(name = "hammer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Sends HTTP/1.1 requests to one URL and reports latency, throughput, errors and the client's own CPU.",
                "Exit codes: 0 ok; 1 nothing succeeded, or an --expect-* option was given and a request failed; 2 usage error."})
public final class HammerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /**
     * The defaults, said under the options in --help. The load options are shared with {@code run}, whose
     * defaults come from the suite, so they carry no picocli default value of their own; this line is made
     * from {@link LoadSettings#HAMMER_DEFAULTS}, so it cannot drift from what hammer does.
     */
    static String defaultsFooter() {
        // picocli formats the footer: %n is its line break
        LoadSettings defaults = LoadSettings.HAMMER_DEFAULTS;
        return "%nDefaults: -c " + defaults.connections() + ", -d " + Durations.format(defaults.duration())
                + " (none when only -n is given), --timeout " + Durations.format(defaults.timeout())
                + ", -m GET, no warm-up, keep-alive.";
    }

    @Mixin
    LoadOptions load = new LoadOptions();

    @Parameters(paramLabel = "URL", description = "An http:// URL.")
    String url;








    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "A request header; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-m", "--method"}, defaultValue = "GET", description = "Request method. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--body", paramLabel = "TEXT|@FILE", description = "Request body: the text, or the content of FILE.")
    String body;

    @Option(names = "--expect-status", paramLabel = "CODE", description = "Only this status is a success; others are validation errors.")
    int expectStatus;

    @Option(names = "--expect-body", paramLabel = "TEXT|@FILE", description = "Only this exact body is a success; others are validation errors.")
    String expectBody;



    @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON to FILE.")
    Path json;

    @Option(names = "--hlog", paramLabel = "FILE", description = "Write an HdrHistogram interval log (one histogram a second, microseconds) to FILE.")
    Path hlog;

    @Override
    public Integer call() throws IOException, InterruptedException {
        LoadSpec load = loadSpec();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf(Locale.ROOT, "Hammering %s: %s model, %d connections, %s%n", load.url(), load.openModel() ? "open" : "closed",
                load.model().connections(), plan(load));
        out.flush();
        boolean interactive = Terminal.isInteractive();
        // Ctrl-C ends the run early and still prints what was measured, as wrk does
        CountDownLatch reported = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        Thread onCtrlC = new Thread(() -> {
            caller.interrupt();
            try {
                reported.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try (LoadEngine engine = new LoadEngine(); HistogramLog log = hlog == null ? null : openLog()) {
            LiveLine live = interactive ? new LiveLine(err) : null;
            LoadResult result;
            try {
                result = engine.run(load, p -> {
                    if (live != null) {
                        live.progress(p);
                    }
                }, intervals(log, live));
            } finally {
                if (live != null) {
                    live.close();
                }
            }
            boolean interrupted = Thread.interrupted(); // the interrupt has done its job: it ended the run
            if (result.stoppedBecause() == null) {
                out.print(LoadSummaryText.render(result));
                if (interrupted) {
                    out.println(interruptedLine(load, result));
                }
                out.flush();
            }
            if (json != null) {
                // the engine's result, and whether it covers the whole planned run
                ObjectNode tree = Json.MAPPER.valueToTree(result);
                tree.put("interrupted", interrupted);
                Json.write(json, tree);
            }
            if (result.stoppedBecause() != null) {
                err.println("fwbench: " + result.stoppedBecause()); // e.g. nothing listens on the port: no figures to show
                return Main.EXIT_FAILED;
            }
            return exitCode(result, err);
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the summary is out
            }
        }
    }

    private int exitCode(LoadResult r, PrintWriter err) {
        if (r.failed() > 0 && (expectStatus != 0 || expectBody != null)) {
            err.printf(Locale.ROOT, "fwbench: %d of %d requests failed (errors: %s)%n", r.failed(), r.requests(),
                    r.errors().entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue())
                            .collect(java.util.stream.Collectors.joining(", ")));
            if (r.firstMismatch() != null) {
                err.println("fwbench: first mismatch: " + r.firstMismatch());
            }
            return Main.EXIT_FAILED;
        }
        if (r.ok() == 0) {
            err.println("fwbench: no request succeeded");
            return Main.EXIT_FAILED;
        }
        return 0;
    }

    private HistogramLog openLog() {
        try {
            return new HistogramLog(hlog);
        } catch (IOException e) {
            throw new UsageException("cannot write the interval log " + hlog + ": " + e.getMessage());
        }
    }

    LoadSpec loadSpec() {
        URI uri = parseUrl(url);
        if (expectStatus != 0 && (expectStatus < 100 || expectStatus > 599)) {
            throw new UsageException("--expect-status must be an HTTP status code (100-599), not " + expectStatus);
        }
        if (method.isBlank() || !method.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new UsageException("not a request method: '" + method + "'");
        }
        LoadSettings settings = LoadSettings.layered(List.of(LoadSettings.HAMMER_DEFAULTS, load.settings()));
        byte[] expected = expectBody == null ? null : textOrFile(expectBody, "--expect-body");
        return LoadSpecs.builder(uri, settings).method(method.toUpperCase(Locale.ROOT)).headers(headers())
                .body(body == null ? new byte[0] : textOrFile(body, "--body"))
                .expect(new Expectation(expectStatus, expected)).build();
    }

    /** A URL fwbench can load: http, with a host that resolves. */
    static URI parseUrl(String text) {
        if (!text.contains("://")) {
            throw new UsageException("not an http URL: '" + text + "' has no scheme (did you mean http://"
                    + text.replaceFirst("^/+", "") + " ?)");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new UsageException("not a URL: '" + text + "' (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new UsageException("not an http URL: '" + text + "' (example: http://127.0.0.1:8080/)");
        }
        if (!uri.getScheme().equalsIgnoreCase("http")) {
            throw new UsageException("only http:// URLs are supported, not " + uri.getScheme() + "://");
        }
        try {
            InetAddress.getByName(uri.getHost().replaceAll("^\\[|]$", ""));
        } catch (UnknownHostException e) {
            throw new UsageException("unknown host: " + uri.getHost());
        }
        return uri;
    }

    private List<Header> headers() {
        List<Header> list = new ArrayList<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0 || h.substring(0, colon).isBlank()) {
                throw new UsageException("a header is 'Name: value', not '" + h + "'");
            }
            list.add(new Header(h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
        }
        return list;
    }

    private static byte[] textOrFile(String value, String option) {
        if (!value.startsWith("@")) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
        Path file = Path.of(value.substring(1));
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(option + ": no such file: " + file);
        } catch (IOException e) {
            throw new UsageException(option + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Ctrl-C ends a run early: the figures above then cover part of the planned window, and this says so. */
    static String interruptedLine(LoadSpec s, LoadResult r) {
        String planned = s.stop().duration().map(d -> " of " + Durations.format(d)).orElse("");
        String counted = s.stop().requests().isPresent()
                ? String.format(Locale.ROOT, ", %d of %d requests", r.requests(), s.stop().requests().getAsLong()) : "";
        return String.format(Locale.ROOT, "  INTERRUPTED after %.2f s%s measured%s: these figures cover only that part",
                r.durationSeconds(), planned, counted);
    }

    private static String plan(LoadSpec s) {
        List<String> parts = new ArrayList<>();
        if (s.model() instanceof LoadModel.Open open) {
            parts.add(String.format(Locale.ROOT, "%.0f req/s", open.rate()));
        }
        s.stop().duration().ifPresent(d -> parts.add(Durations.format(d)));
        s.stop().requests().ifPresent(n -> parts.add(n + " requests"));
        if (!s.warmup().isZero()) {
            parts.add("after " + Durations.format(s.warmup()) + " of warm-up");
        }
        if (!s.keepAlive()) {
            parts.add("no keep-alive");
        }
        return String.join(", ", parts);
    }

    /** Where each second's histogram goes: the interval log and the live line's p99; null (no copies) for neither. */
    private static Consumer<Histogram> intervals(HistogramLog log, LiveLine live) {
        if (log == null && live == null) {
            return null;
        }
        return h -> {
            if (log != null) {
                log.accept(h);
            }
            if (live != null) {
                live.interval(h);
            }
        };
    }
}

package org.fwbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.fwbench.config.LoadSettings;
import org.fwbench.config.LoadSpecs;
import org.fwbench.load.HttpVersion;
import org.fwbench.load.LoadEngine;
import org.fwbench.load.LoadModel;
import org.fwbench.load.LoadResult;
import org.fwbench.load.LoadSpec;
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
        description = {"Sends HTTP/1.1 or HTTP/2 requests, over TLS for https, to one URL and reports latency, throughput, "
                + "errors and the client's own CPU.",
                "Exit codes: 0 ok; 1 nothing succeeded, or an --expect-* option was given and a request failed; 2 usage error."})
public final class HammerCommand implements Callable<Integer> {

    /** Agents whose windows open within this of each other count as aligned. */
    static final long LATE_MILLIS = 50;

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
                + ", -X GET, no warm-up, keep-alive, --http 1.1, -m 1, TLS sessions resumed, certificates checked.";
    }

    @Mixin
    LoadOptions load = new LoadOptions();

    @Mixin
    RequestOptions request = new RequestOptions();

    @Mixin
    ProtocolOptions protocol = new ProtocolOptions();

    @Mixin
    AgentOptions agent = new AgentOptions();

    @Parameters(paramLabel = "URL", description = "An http:// or https:// URL.")
    String url;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write the result as JSON to FILE; '-' prints it on stdout in place of the text summary.")
    Path json;

    @Option(names = "--hlog", paramLabel = "FILE", description = "Write an HdrHistogram interval log (one histogram a second, microseconds) to FILE.")
    Path hlog;

    @Override
    public Integer call() throws IOException, InterruptedException {
        LoadSpec load = loadSpec();
        int agents = agent.agents();
        int agentIndex = agent.agentIndex(System.getenv());
        boolean jsonOnStdout = json != null && json.toString().equals("-");
        // with the JSON on stdout, the text goes nowhere: it can be printed from the JSON with `fwbench merge FILE`
        PrintWriter out = jsonOnStdout ? new PrintWriter(Writer.nullWriter()) : spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf(Locale.ROOT, "Hammering %s: %s model, %d connections, %s%n", load.url(), load.openModel() ? "open" : "closed",
                load.model().connections(), plan(load, agentIndex, agents));
        out.flush();
        boolean interactive = Terminal.isInteractive();
        // Ctrl-C ends the run early and still prints what was measured, as wrk does
        CtrlC ctrlC = CtrlC.interruptsThisThread();
        try (ctrlC; LoadEngine engine = new LoadEngine();
                HistogramLog log = hlog == null ? null : openLog()) {
            LiveLine live = interactive ? new LiveLine(err) : null;
            LoadResult measured;
            try {
                if (live != null) {
                    live.preparing(); // the engine's first run of a path in a process waits for its JIT: seconds
                }
                engine.warmUpFor(load);
                if (live != null) {
                    live.prepared();
                }
                measured = engine.run(load, p -> {
                    if (live != null) {
                        live.progress(p);
                    }
                }, intervals(log, live));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage()); // e.g. the TLS handshake failed: an untrusted certificate
            } finally {
                if (live != null) {
                    live.close();
                }
            }
            Thread.interrupted(); // the interrupt has done its job: it ended the run, and the result says so
            LoadResult result = measured.asAgent(agentIndex, agents);
            if (result.stoppedBecause() == null) {
                out.print(LoadSummaryText.render(result));
                if (result.interrupted()) {
                    out.println(interruptedLine(load, result));
                }
                out.flush();
                warnIfLate(load, result, err);
            }
            if (jsonOnStdout) {
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.println(Json.MAPPER.writeValueAsString(result));
                stdout.flush();
            } else if (json != null) {
                Json.write(json, result);
            }
            if (result.stoppedBecause() != null) {
                err.println("fwbench: " + result.stoppedBecause()); // e.g. nothing listens on the port: no figures to show
                return Main.EXIT_FAILED;
            }
            return exitCode(result, err);
        }
    }

    /** An agent whose window opened late (a slow start, a busy machine) is not aligned with the others: say so. */
    private static void warnIfLate(LoadSpec load, LoadResult r, PrintWriter err) {
        load.startAt().ifPresent(at -> {
            long late = r.startedAtMillis() - at.toEpochMilli();
            if (late > LATE_MILLIS) {
                err.printf(Locale.ROOT, "fwbench: warning: the measured window opened %d ms after --start-at %s: this agent"
                        + " started late, give the agents more time%n", late, at);
            }
        });
    }

    private int exitCode(LoadResult r, PrintWriter err) {
        if (r.failed() > 0 && request.expects()) {
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
        resolve(uri);
        LoadSettings settings = settings(load, agent.agents());
        return protocol.applyTo(request.applyTo(LoadSpecs.builder(uri, settings)
                .startAt(agent.startAt(Instant.now()).orElse(null))), settings.keepAlive()).build();
    }

    /** The load settings of one of {@code agents} agents: hammer's defaults, what was given, and the rate's share. */
    static LoadSettings settings(LoadOptions given, int agents) {
        LoadSettings settings = LoadSettings.layered(List.of(LoadSettings.HAMMER_DEFAULTS, given.settings()));
        if (given.arrivals != null && settings.rate() == 0) {
            throw new UsageException("--arrivals spaces an open model's arrivals: give -R/--rate too");
        }
        if (agents > 1 && settings.rate() > 0) {
            settings = settings.toBuilder().rate(settings.rate() / agents).build();
        }
        return settings;
    }

    /** A URL fwbench can load: http or https, with a host (resolved elsewhere: see {@link #resolve}). */
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
        if (!uri.getScheme().equalsIgnoreCase("http") && !uri.getScheme().equalsIgnoreCase("https")) {
            throw new UsageException("only http:// and https:// URLs are supported, not " + uri.getScheme() + "://");
        }
        return uri;
    }

    /** The URL's host must resolve here, where the load comes from. */
    static void resolve(URI uri) {
        try {
            InetAddress.getByName(uri.getHost().replaceAll("^\\[|]$", ""));
        } catch (UnknownHostException e) {
            throw new UsageException("unknown host: " + uri.getHost());
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

    private static String plan(LoadSpec s, int agentIndex, int agents) {
        List<String> parts = new ArrayList<>();
        if (agents > 1) {
            parts.add("agent " + agentIndex + " of " + agents);
        }
        if (s.model() instanceof LoadModel.Open open) {
            parts.add(String.format(Locale.ROOT, "%.0f req/s%s", open.rate(),
                    open.arrivals() == LoadModel.Arrivals.POISSON ? " (Poisson arrivals)" : ""));
        }
        s.stop().duration().ifPresent(d -> parts.add(Durations.format(d)));
        s.stop().requests().ifPresent(n -> parts.add(n + " requests"));
        s.startAt().ifPresent(at -> parts.add("measured from " + at));
        if (!s.warmup().isZero()) {
            parts.add("after " + Durations.format(s.warmup()) + " of warm-up");
        }
        if (!s.keepAlive()) {
            parts.add("no keep-alive");
        }
        if (s.http() == HttpVersion.HTTP_2) {
            parts.add("HTTP/2" + (s.tls() ? "" : " cleartext") + ", " + s.streams() + (s.streams() == 1 ? " stream" : " streams")
                    + " per connection");
        }
        if (s.tls()) {
            parts.add("TLS" + (s.tlsResume() ? "" : " without resumption") + (s.insecure() ? ", any certificate" : ""));
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

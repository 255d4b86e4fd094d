package org.fwbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.fwbench.config.AdHocSuite;
import org.fwbench.config.LoadSettings;
import org.fwbench.config.Suite;
import org.fwbench.config.SuiteException;
import picocli.CommandLine.Option;

/**
 * The options that describe a comparison on the command line instead of in a suite file, shared by
 * {@code run} (which runs it) and {@code init} (which writes it as a suite file).
 */
final class AdHocOptions {

    @Option(names = "--server", paramLabel = "NAME=COMMAND", description = {
            "A server fwbench starts, measures and stops; repeatable. The command is split into words as a shell "
                    + "would, then run directly (no shell); $${port} is the free port fwbench chooses for it. "
                    + "Quote it in single quotes: --server 'flask=python3 app.py $${port}'."})
    List<String> servers = new ArrayList<>();

    @Option(names = "--url", paramLabel = "NAME=URL", description = "A server already running at URL (e.g. "
            + "http://127.0.0.1:8080), which fwbench neither starts nor stops; its memory is read from the process "
            + "listening on that port (on another host, or another user's, only its load is measured). Repeatable.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--pid", paramLabel = "NAME=PID", description = "The process of --url NAME, when it should not be "
            + "found from the port (e.g. a server behind a proxy); NAME=none measures its load only, without memory "
            + "and CPU.")
    List<String> pids = new ArrayList<>();

    @Option(names = "--path", paramLabel = "PATH", description = "A request path, each one a scenario; repeatable. "
            + "Default: /.")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-m", "--method"}, paramLabel = "METHOD", description = "Request method of every --path. Default: GET.")
    String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "A request header; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT", description = "Request body.")
    String body;

    @Option(names = "--expect-status", paramLabel = "CODE", description = "The status a correct answer has. Default: 200.")
    Integer expectStatus;

    @Option(names = "--expect-body", paramLabel = "TEXT", description = "The exact body a correct answer has.")
    String expectBody;

    @Option(names = "--expect-json", paramLabel = "JSON", description = "JSON a correct answer's body equals "
            + "(key order and number spelling aside), e.g. '{\"message\": \"Hello, World!\"}'.")
    String expectJson;

    /** Whether a server or a scenario was described here: then no suite file is read. */
    boolean given() {
        return builder().given() || method != null || !headers.isEmpty() || body != null || expectStatus != null
                || expectBody != null || expectJson != null;
    }

    /** The suite these options describe, with {@code load} as its own settings. */
    Suite suite(LoadSettings load) {
        try {
            return builder().load(load).build();
        } catch (SuiteException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private AdHocSuite builder() {
        AdHocSuite suite = new AdHocSuite();
        servers.forEach(suite::server);
        urls.forEach(suite::url);
        pids.forEach(suite::pid);
        paths.forEach(suite::path);
        headers.forEach(suite::header);
        if (method != null) {
            suite.method(method);
        }
        if (body != null) {
            suite.body(body);
        }
        if (expectStatus != null) {
            suite.expectStatus(expectStatus);
        }
        if (expectBody != null) {
            suite.expectBody(expectBody);
        }
        if (expectJson != null) {
            suite.expectJson(expectJson);
        }
        return suite;
    }
}

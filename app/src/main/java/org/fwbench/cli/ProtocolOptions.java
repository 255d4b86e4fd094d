package org.fwbench.cli;

import org.fwbench.load.HttpVersion;
import org.fwbench.load.LoadSpec;
import picocli.CommandLine.Option;

/** How {@code hammer} speaks to the server: the HTTP version, HTTP/2's streams per connection, and TLS. */
final class ProtocolOptions {

    @Option(names = "--http", paramLabel = "1.1|2", description = "HTTP version. 2 is h2 over https (by ALPN; HTTP/1.1 "
            + "when the server offers no h2) and h2c with prior knowledge over http. Default: 1.1.")
    String http;

    @Option(names = {"-m", "--streams"}, paramLabel = "N",
            description = "HTTP/2: requests in flight at once on each connection (h2load's -m). Default: 1.")
    Integer streams;

    @Option(names = {"-k", "--insecure"}, description = "https: accept any certificate (self-signed, another host's).")
    boolean insecure;

    @Option(names = "--tls-resume", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "https: resume TLS sessions on new connections; --no-tls-resume: a full handshake each time. Default: on.")
    boolean tlsResume = true;

    /** Adds the protocol settings to {@code spec}; bad values and combinations are one-line usage errors. */
    LoadSpec.Builder applyTo(LoadSpec.Builder spec, boolean keepAlive) {
        HttpVersion version;
        try {
            version = http == null ? HttpVersion.HTTP_1_1 : HttpVersion.of(http);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--http: " + e.getMessage());
        }
        if (streams != null && streams < 1) {
            throw new UsageException("--streams must be more than 0, not " + streams);
        }
        if (streams != null && streams > 1 && version != HttpVersion.HTTP_2) {
            throw new UsageException("-m/--streams above 1 needs --http 2 (HTTP/1.1 sends one request at a time per connection)");
        }
        if (!keepAlive && version == HttpVersion.HTTP_2) {
            throw new UsageException("--no-keepalive needs --http 1.1 (HTTP/2 keeps its connections)");
        }
        return spec.http(version).streams(streams == null ? 1 : streams).insecure(insecure).tlsResume(tlsResume);
    }
}

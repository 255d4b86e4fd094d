package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's own epoll connections (cleartext HTTP/1.1 on Linux) against real loopback servers: they must
 * count every fault as the channel path (NIO) does, and what only they do by hand (partial writes, waiting for
 * the server's close) is checked.
 */
class EpollConnectionTest {

    private static FaultServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new FaultServer();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void onlyCleartextHttp11OnEpollGetsTheEnginesOwnConnections() throws Exception {
        assumeTrue(Epoll.isAvailable());
        EventLoopGroup epoll = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        EventLoopGroup nio = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            LoadSpec http = Specs.of(server.url("/ok")).build();
            LoadSpec https = Specs.of(URI.create("https://127.0.0.1:1/")).build();
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", 1);
            Load cleartext = new Load(http, address, null, Protocol.HTTP_1_1);
            EpollConnector own = EpollConnector.of(null, epoll.next(), cleartext);
            assertThat(own).isNotNull();
            own.release();
            assertThat(EpollConnector.of(null, nio.next(), cleartext)).as("NIO").isNull();
            assertThat(EpollConnector.of(null, epoll.next(), new Load(http, address, null, Protocol.H2C))).as("h2c").isNull();
            Load tls = new Load(https, address, new Tls(https, List.of(Protocol.HTTP_1_1)), Protocol.HTTP_1_1);
            assertThat(EpollConnector.of(null, epoll.next(), tls)).as("https").isNull();
        } finally {
            epoll.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            nio.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Each fault of {@link LoadEngineFaultsTest#faults} on the own connection (where epoll is) and on a channel (NIO). */
    static Stream<Arguments> faultsOnBothPaths() {
        List<Boolean> paths = Epoll.isAvailable() ? List.of(true, false) : List.of(false);
        return LoadEngineFaultsTest.faults().flatMap(f -> paths.stream().map(epoll -> Arguments.of(epoll ? "own connection" : "channel",
                f.get()[0], f.get()[1])));
    }

    @ParameterizedTest(name = "{1} is a {2} error on the {0}")
    @MethodSource("faultsOnBothPaths")
    void everyFaultIsCountedAsItsKindOnBothPaths(String on, String path, String kind) throws Exception {
        try (LoadEngine engine = new LoadEngine(1, on.equals("own connection"))) {
            LoadResult r = LoadEngineFaultsTest.timed(engine, Specs.of(server.url(path)).duration(700).timeout(250).build());
            assertThat(r.ok()).isZero();
            assertThat(r.errors().get(kind)).as(kind).isPositive().isEqualTo(r.failed());
        }
    }

    @ParameterizedTest(name = "epoll {0}")
    @ValueSource(booleans = {true, false})
    void aRefusedConnectStopsTheRunWithTheReasonOnBothPaths(boolean epoll) throws Exception {
        assumeTrue(!epoll || Epoll.isAvailable());
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (LoadEngine engine = new LoadEngine(1, epoll)) {
            LoadResult r = engine.run(Specs.of(URI.create("http://127.0.0.1:" + port + "/")).connections(3).duration(60_000).build(), p -> { });
            assertThat(r.stoppedBecause()).isEqualTo("connection refused: 127.0.0.1:" + port);
            assertThat(r.errors().get("connect")).isEqualTo(r.failed()).isPositive();
        }
    }

    @Test
    void aRequestBiggerThanTheSocketBuffersGoesOutWholeAndComesBackWhole() throws Exception {
        byte[] body = new byte[8 << 20];
        Arrays.fill(body, (byte) 'b');
        try (LoadEngine engine = new LoadEngine(1, Epoll.isAvailable())) {
            LoadResult r = engine.run(Specs.of(server.url("/echo")).method("POST").body(new String(body, StandardCharsets.US_ASCII))
                    .connections(2).requests(6).duration(30_000).timeout(10_000).expectBody(body).build(), p -> { });
            assertThat(r.ok()).as("errors: %s", r.errors()).isEqualTo(6);
            assertThat(r.bytesRead()).isGreaterThan(6L * body.length);
        }
    }

    @Test
    void aServerThatClosesKeepsTheTimeWaitAndNoConnectionIsLeftOpen() throws Exception {
        Path tcp = Path.of("/proc/net/tcp");
        assumeTrue(Epoll.isAvailable() && Files.isReadable(tcp));
        try (FaultServer closing = new FaultServer(); LoadEngine engine = new LoadEngine(1, true)) {
            LoadResult r = engine.run(Specs.of(closing.url("/connection-close")).connections(4).requests(200).duration(30_000).build(), p -> { });
            assertThat(r.ok()).as("errors: %s", r.errors()).isEqualTo(200);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (closing.open() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(closing.open()).as("connections left open").isZero();
            // the client's side of a connection has the server's port as its remote port, the server's side as its
            // local port (an IPv6 socket, as Java's server sockets are, is in tcp6 with a mapped address); TIME_WAIT is state 06
            String port = String.format(":%04X", closing.url("/").getPort());
            Path tcp6 = Path.of("/proc/net/tcp6");
            List<String> lines = new ArrayList<>(Files.readAllLines(tcp));
            if (Files.isReadable(tcp6)) {
                lines.addAll(Files.readAllLines(tcp6));
            }
            List<String[]> timeWaits = lines.stream()
                    .map(l -> l.trim().split("\\s+"))
                    .filter(f -> f.length > 3 && f[3].equals("06"))
                    .toList();
            long client = timeWaits.stream().filter(f -> f[2].endsWith(port)).count();
            long server = timeWaits.stream().filter(f -> f[1].endsWith(port)).count();
            // the user leaves every connection for the server to close; only those the server had not closed yet when
            // the run stopped are closed by the client: a few, more on a busy machine where the server closes late
            assertThat(client).as("TIME_WAIT on the client's side (the server's: %d)", server).isLessThanOrEqualTo(20);
            assertThat(server).as("TIME_WAIT on the server's side").isGreaterThanOrEqualTo(180);
        }
    }

    @ParameterizedTest(name = "epoll {0}")
    @ValueSource(booleans = {true, false})
    void aServerThatSaysItWillCloseAndDoesNotCostsTheEngineABoundedNumberOfConnections(boolean epoll) throws Exception {
        assumeTrue(!epoll || Epoll.isAvailable());
        try (FaultServer lingering = new FaultServer(); LoadEngine engine = new LoadEngine(1, epoll)) {
            LoadResult r = engine.run(Specs.of(lingering.url("/close-later")).connections(1).requests(200).duration(30_000)
                    .timeout(20_000).build(), p -> { });
            assertThat(r.ok()).as("errors: %s", r.errors()).isEqualTo(200);
            // without a bound all 200 would stay open until the timeout; the server notices a client's close some time
            // after it happens (later on a busy machine), hence the room above the bound
            assertThat(lingering.peakOpen()).isGreaterThan(User.MAX_LINGERING).isLessThanOrEqualTo(5 * User.MAX_LINGERING);
        }
    }
}

package org.fwbench.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.fwbench.proc.ProcFs;

/**
 * A server that was running before fwbench and keeps running after it: fwbench neither starts nor stops
 * it. Its process is the one named by the user or the one that owns the listening socket of its URL's port;
 * its memory and CPU are then read like those of a started target.
 */
public final class AttachedServer implements RunningServer {

    /** Already running means it answers now: a short wait, not a start-up's. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    private final ProcessHandle process;
    private final List<String> command;

    private AttachedServer(ProcessHandle process, List<String> command) {
        this.process = process;
        this.command = List.copyOf(command);
    }

    /**
     * Checks that {@code readinessUrl} answers, then finds the server's process.
     *
     * @param pid the process the user named, or null to find it from the URL's port
     * @throws TargetFailedException when it does not answer, or its process cannot be found or read (the reason
     *                               says which)
     */
    public static AttachedServer attach(String name, URI readinessUrl, Long pid) {
        String answer = answer(readinessUrl);
        if (answer != null) {
            throw failed(name, readinessUrl + " " + answer + " (it should be running already: fwbench does "
                    + "not start a target given by its url)");
        }
        long root = pid != null ? pid : owner(name, readinessUrl);
        String unreadable = PortOwner.unreadable(root);
        if (unreadable != null) {
            throw failed(name, unreadable);
        }
        ProcessHandle handle = ProcessHandle.of(root).orElseThrow(() -> failed(name, "process " + root + " is not running"));
        return new AttachedServer(handle, commandLine(root));
    }

    private static long owner(String name, URI url) {
        InetAddress address;
        try {
            address = PortOwner.resolve(url.getHost());
        } catch (UnknownHostException e) {
            throw failed(name, "unknown host " + url.getHost());
        }
        if (!PortOwner.isLocal(address)) {
            throw failed(name, url.getHost() + " is not this machine: fwbench can read the memory only of local "
                    + "servers");
        }
        PortOwner.Found found = PortOwner.find(address, url.getPort());
        if (found.pid() == null) {
            throw failed(name, found.whyNot());
        }
        return found.pid();
    }

    /** Null when it answers with a status below 500, else what went wrong. */
    private static String answer(URI url) {
        try (HttpClient client = ProbeClient.create(HttpClient.Version.HTTP_1_1, ANSWER_TIMEOUT)) {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(ANSWER_TIMEOUT).GET().build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status < 500 ? null : "answered " + status;
        } catch (ConnectException e) {
            return "refused the connection";
        } catch (HttpTimeoutException e) {
            return "did not answer within " + ANSWER_TIMEOUT.toSeconds() + " s";
        } catch (IOException e) {
            return "did not answer: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "was not asked: interrupted";
        }
    }

    /** The process's argv from /proc, shown and recorded as the target's command. */
    private static List<String> commandLine(long pid) {
        return ProcFs.readBytes(pid, "cmdline")
                .map(b -> Arrays.stream(new String(b, StandardCharsets.UTF_8).split("\0")).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private static TargetFailedException failed(String name, String reason) {
        return new TargetFailedException("target '" + name + "': " + reason, "");
    }

    /** Its argv as /proc shows it (nginx rewrites its own: "nginx: master process ..."). */
    public List<String> command() {
        return command;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String lastLogLines(int n) {
        return "";
    }

    /** Nothing to do: it was running before fwbench and goes on running. */
    @Override
    public void stop() {
    }
}

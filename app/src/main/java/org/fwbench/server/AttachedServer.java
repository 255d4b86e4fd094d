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
import org.fwbench.server.PortOwner.Found;

/**
 * A server that was running before fwbench and keeps running after it: fwbench neither starts nor stops
 * it. Its process is the one named by the user or the one that owns the listening socket of its URL's port;
 * its memory and CPU are then read like those of a started target. When there is no such process to read (a
 * remote host, another user's process, another namespace's, or the user said not to look) only its load is
 * measured, and {@link #noProcess()} says why.
 */
public final class AttachedServer implements RunningServer {

    /** Already running means it answers now: a short wait, not a start-up's. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    private final ProcessHandle process;
    private final List<String> command;
    private final NoProcess noProcess;

    private AttachedServer(ProcessHandle process, List<String> command, NoProcess noProcess) {
        this.process = process;
        this.command = List.copyOf(command);
        this.noProcess = noProcess;
    }

    /**
     * Checks that {@code readinessUrl} answers, then finds the server's process.
     *
     * @param pid the process the user named, or null to find it from the URL's port
     * @throws TargetFailedException when it does not answer, its host is unknown, or the process the user named
     *                               is not running
     */
    public static AttachedServer attach(String name, URI readinessUrl, Long pid) {
        requireAnswer(name, readinessUrl);
        if (pid != null && !ProcFs.isRunning(pid)) {
            throw failed(name, "process " + pid + " is not running");
        }
        Found found = pid != null ? Found.pid(pid) : owner(name, readinessUrl);
        if (found.pid() == null) {
            return without(found.whyNot());
        }
        long root = found.pid();
        NoProcess unreadable = PortOwner.unreadable(root);
        if (unreadable != null) {
            return without(unreadable);
        }
        ProcessHandle handle = ProcessHandle.of(root).orElseThrow(() -> failed(name, "process " + root + " is not running"));
        return new AttachedServer(handle, commandLine(root), null);
    }

    /** Checks that {@code readinessUrl} answers, and looks for no process: only its load will be measured. */
    public static AttachedServer loadOnly(String name, URI readinessUrl) {
        requireAnswer(name, readinessUrl);
        return new AttachedServer(null, List.of(), null);
    }

    private static AttachedServer without(NoProcess why) {
        return new AttachedServer(null, List.of(), why);
    }

    private static void requireAnswer(String name, URI readinessUrl) {
        String answer = answer(readinessUrl);
        if (answer != null) {
            throw failed(name, readinessUrl + " " + answer + " (it should be running already: fwbench does "
                    + "not start a target given by its url)");
        }
    }

    /** The process that listens on the URL's port on this machine, or why there is none to read. */
    private static Found owner(String name, URI url) {
        InetAddress address;
        try {
            address = PortOwner.resolve(url.getHost());
        } catch (UnknownHostException e) {
            throw failed(name, "unknown host " + url.getHost());
        }
        if (!PortOwner.isLocal(address)) {
            String where = PortOwner.resolvesTo(url.getHost(), address);
            return Found.not(NoProcess.Cause.REMOTE_HOST, where + " is not an address of this machine: fwbench reads "
                    + "the memory and CPU of local processes only");
        }
        return PortOwner.find(address, url.getPort());
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

    /** Its argv as /proc shows it (nginx rewrites its own: "nginx: master process ..."); empty without a process. */
    public List<String> command() {
        return command;
    }

    /**
     * Whether its process is known and readable: false when only its load is measured (then
     * {@link #noProcess()} says why, unless the user said not to look).
     */
    public boolean hasProcess() {
        return process != null;
    }

    /** Why its process could not be found or read; null when it was, or when it was not looked for. */
    public NoProcess noProcess() {
        return noProcess;
    }

    /** @throws IllegalStateException without a process ({@link #hasProcess()}): nothing to read memory from */
    @Override
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("no process is known for this server");
        }
        return process.pid();
    }

    /** True without a known process: a server fwbench cannot see is judged by its answers alone. */
    @Override
    public boolean isAlive() {
        return process == null || process.isAlive();
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

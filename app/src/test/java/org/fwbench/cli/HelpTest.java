package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help renders cleanly: picocli formats descriptions, and a stray % makes it warn. */
class HelpTest {

    @Test
    void everyCommandsHelpRendersWithoutAPicocliWarning() {
        List<List<String>> commands = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThanOrEqualTo(5);
        PrintStream original = System.err;
        ByteArrayOutputStream traced = new ByteArrayOutputStream();
        // picocli's tracer writes its warnings to System.err, not to the command line's err writer
        System.setErr(new PrintStream(traced, true, StandardCharsets.UTF_8));
        try {
            for (List<String> path : commands) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                CommandLine cl = Main.commandLine();
                cl.setOut(new PrintWriter(out, true));
                cl.setErr(new PrintWriter(err, true));
                assertThat(cl.execute(args.toArray(String[]::new))).as(String.join(" ", args)).isZero();
                assertThat(out.toString()).as(String.join(" ", args)).contains("Usage: fwbench");
                assertThat(err.toString()).as(String.join(" ", args)).isEmpty();
            }
        } finally {
            System.setErr(original);
        }
        assertThat(traced.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN").isEmpty();
    }

    @Test
    void hammerHelpShowsTheDefaults() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute("hammer", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("Defaults: -c 10, -d 10s (none when only -n is given), "
                + "--timeout 2s, -X GET, no warm-up, keep-alive, --http 1.1, -m 1, TLS sessions resumed, certificates checked.");
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> into) {
        into.add(path);
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> p = new ArrayList<>(path);
                p.add(name);
                collect(sub, p, into);
            }
        });
    }
}

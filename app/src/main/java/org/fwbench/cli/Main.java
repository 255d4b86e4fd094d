package org.fwbench.cli;

import io.netty.util.ResourceLeakDetector;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fwbench} command: a picocli parent whose subcommands do the work. */
@Command(name = "fwbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Puts web frameworks side by side on one machine: memory, speed, stability.",
        subcommands = {RunCommand.class, InitCommand.class, HammerCommand.class, MergeCommand.class, SampleCommand.class,
                K8sJobCommand.class, ReportCommand.class, CompareCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code of a run that worked but broke a threshold or saw failures. */
    public static final int EXIT_FAILED = 1;
    /** Exit code of bad input: options, files, names. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Netty's leak detector records a stack trace for one buffer in 128, and the engine allocates buffers per
        // request: about 2 % of its CPU per HTTP/2 request (perf). The tests, which start through commandLine(),
        // keep it on, to find leaks.
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = Cli.configure(new CommandLine(new Main()));
        cl.getSubcommands().get("hammer").getCommandSpec().usageMessage().footer(HammerCommand.defaultsFooter());
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: try 'fwbench --help'");
    }
}

package org.fwbench.cli;

import org.fwbench.units.Durations;
import org.fwbench.units.InvalidValueException;
import java.time.Duration;
import picocli.CommandLine;

/**
 * What every fwbench command line shares: converters and the rule that bad input is one line and exit
 * code 2, never a stack trace.
 */
final class Cli {

    private Cli() {
    }

    /** picocli shows a TypeConversionException's message as it is; other exceptions come with their class name. */
    private static Duration duration(String text) {
        try {
            return Durations.parse(text);
        } catch (InvalidValueException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    static CommandLine configure(CommandLine cl) {
        cl.registerConverter(Duration.class, Cli::duration);
        cl.setExitCodeExceptionMapper(e -> Main.EXIT_USAGE);
        cl.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("fwbench: " + e.getMessage());
            return Main.EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException || e instanceof InvalidValueException) {
                commandLine.getErr().println("fwbench: " + e.getMessage());
                return Main.EXIT_USAGE;
            }
            throw e;
        });
        return cl;
    }
}

package org.fwbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import org.fwbench.units.Durations;
import org.fwbench.units.Instants;
import org.fwbench.units.InvalidValueException;
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

    private static Instant instant(String text) {
        try {
            return Instants.parse(text);
        } catch (InvalidValueException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** A file that cannot be read or written, said as a person would: the file, then why. */
    private static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String why = f instanceof NoSuchFileException ? "no such file or folder"
                    : f instanceof AccessDeniedException ? "permission denied"
                    : f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
            return "cannot use " + f.getFile() + ": " + why;
        }
        return "input/output error: " + e.getMessage();
    }

    static CommandLine configure(CommandLine cl) {
        // @FILE is ours (--body @FILE, --expect-body @FILE: a file's exact bytes), not picocli's argument files,
        // which would split the file's content into arguments and drop its trailing newline.
        cl.setExpandAtFiles(false);
        cl.registerConverter(Duration.class, Cli::duration);
        cl.registerConverter(Instant.class, Cli::instant);
        cl.setExitCodeExceptionMapper(e -> Main.EXIT_USAGE);
        cl.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("fwbench: " + ParameterErrors.describe(e));
            return Main.EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException || e instanceof InvalidValueException) {
                commandLine.getErr().println("fwbench: " + e.getMessage());
                return Main.EXIT_USAGE;
            }
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : e instanceof IOException i ? i : null;
            if (io != null) {
                commandLine.getErr().println("fwbench: " + describe(io));
                return Main.EXIT_USAGE;
            }
            throw e;
        });
        return cl;
    }
}

package org.fwbench.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli refused, said in one line: a mistyped option or command comes with picocli's
 * suggestions ("did you mean --connections?"), and only what was mistyped is named, not the arguments
 * picocli could no longer place after it (such as the URL).
 */
final class ParameterErrors {

    private ParameterErrors() {
    }

    static String describe(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        CommandSpec spec = u.getCommandLine().getCommandSpec();
        List<String> options = u.getUnmatched().stream().filter(ParameterErrors::looksLikeOption).toList();
        if (!options.isEmpty()) {
            // the suggestion goes right after the option it is for
            return (options.size() == 1 ? "Unknown option: " : "Unknown options: ")
                    + options.stream().map(o -> "'" + o + "'" + didYouMean(u, o)).collect(Collectors.joining(", "));
        }
        String first = u.getUnmatched().get(0);
        if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            return "unknown command '" + first + "'" + didYouMean(u, first) + "; the commands are "
                    + String.join(", ", spec.subcommands().keySet());
        }
        return e.getMessage();
    }

    /** What picocli would take for an option (its own test is not public): a dash, then no digit. */
    private static boolean looksLikeOption(String arg) {
        return arg.length() > 1 && arg.charAt(0) == '-' && !Character.isDigit(arg.charAt(1));
    }

    /** picocli suggests for the first unmatched argument only: nothing when that is not the one named. */
    private static String didYouMean(UnmatchedArgumentException u, String named) {
        List<String> suggestions = u.getSuggestions();
        if (suggestions.isEmpty() || !u.getUnmatched().get(0).equals(named)) {
            return "";
        }
        return " (did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?)";
    }
}

package org.fwbench.config;

import java.util.List;

/**
 * A suite file that cannot be used, or a placeholder that cannot be expanded. Each problem is one line,
 * {@code FILE:LINE:COL: what is wrong} when it has a place in the file; the message is those lines, so
 * that a caller prints it as it is and exits with code 2.
 */
public final class SuiteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public SuiteException(String problem) {
        this(List.of(problem));
    }

    SuiteException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, in the order they appear in the file. */
    public List<String> problems() {
        return problems;
    }
}

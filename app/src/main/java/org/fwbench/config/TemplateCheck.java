package org.fwbench.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Expands a suite's templates once while loading, with stand-ins for the built-ins, so that an unknown
 * or misused placeholder is reported at its place in the file before anything starts.
 */
final class TemplateCheck {

    private final Placeholders placeholders;
    private final Problems problems;

    /** @param placeholders null to check nothing, when the variables themselves are already wrong */
    TemplateCheck(Placeholders placeholders, Problems problems) {
        this.placeholders = placeholders;
        this.problems = problems;
    }

    /** Every item of a command list, each where it was written. */
    void command(Node node) {
        if (node instanceof Node.Sequence seq) {
            seq.items().forEach(item -> scalar(item, true));
        }
    }

    /** A single string, such as a path or a cwd. */
    void text(Node node) {
        scalar(node, false);
    }

    /** Every value of a mapping, such as env. */
    void values(Node node) {
        if (node instanceof Node.Mapping m) {
            m.entries().values().forEach(entry -> scalar(entry.value(), false));
        }
    }

    /** The text of a template file named at {@code node}: its placeholders must be known too. */
    void content(Node node, Path file, String text) {
        if (placeholders == null) {
            return;
        }
        try {
            placeholders.expand(text);
        } catch (SuiteException e) {
            problems.add(node.mark(), "in " + file.getFileName() + ": " + e.getMessage());
        }
    }

    private void scalar(Node node, boolean argument) {
        if (placeholders == null || !(node instanceof Node.Scalar s) || s.textOrNull() == null) {
            return;
        }
        try {
            if (argument) {
                placeholders.argv(List.of(s.textOrNull()));
            } else {
                placeholders.expand(s.textOrNull());
            }
        } catch (SuiteException e) {
            problems.add(node.mark(), e.getMessage());
        }
    }
}

package org.fwbench.config;

import java.util.List;
import java.util.Map;

/** A YAML value that remembers where it was written, so that a problem with it can point there. */
sealed interface Node {

    Mark mark();

    /** How the value reads in "must be X, not ..." messages: {@code "ten"}, {@code 12}, {@code a list}. */
    String describe();

    /** A 1-based line and column. */
    record Mark(int line, int column) implements Comparable<Mark> {
        @Override
        public int compareTo(Mark o) {
            return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
        }
    }

    /** A mapping's value and where its key was written. */
    record Entry(Mark keyMark, Node value) {
    }

    /** A mapping with its keys in file order. */
    record Mapping(Mark mark, Map<String, Entry> entries) implements Node {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(Mark mark, List<Node> items) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar as YAML typed it.
     *
     * @param value a String, Number or Boolean, or null for an empty value or {@code ~}
     * @param text  the scalar as written
     */
    record Scalar(Mark mark, Object value, String text) implements Node {

        /** The text of any scalar but null: {@code port: 8080} and {@code version: 1.10} read as written. */
        String textOrNull() {
            return value == null ? null : text;
        }

        @Override
        public String describe() {
            if (value == null) {
                return "empty";
            }
            return value instanceof String s ? Quote.shortened(s, 60) : text;
        }
    }
}

package org.fwbench.config;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.fwbench.units.Durations;
import org.fwbench.units.InvalidValueException;

/**
 * One mapping of a suite file, read key by key. A key that is not allowed, a value of the wrong type or
 * a missing required value is added to the file's problems and read as null, so that reading goes on and
 * the user sees every problem at once.
 */
final class Section {

    private final Problems problems;
    private final Node.Mapping mapping;
    private final String subject;

    private Section(Problems problems, Node.Mapping mapping, String subject, List<String> keys) {
        this.problems = problems;
        this.mapping = mapping;
        this.subject = subject;
        mapping.entries().forEach((key, entry) -> {
            if (!keys.contains(key)) {
                problems.add(entry.keyMark(),
                        "unknown key '" + key + "' in " + subject + Suggestions.didYouMean(key, keys));
            }
        });
    }

    /**
     * The section for {@code node}, or null (and a problem) when it is not a mapping.
     *
     * @param must    what the node must be, e.g. {@code 'load' must be a mapping}
     * @param subject what the mapping is, for messages: {@code target 'jetty'}, {@code the suite}
     * @param keys    the keys allowed in it
     */
    static Section of(Problems problems, Node node, String must, String subject, List<String> keys) {
        if (node instanceof Node.Mapping m) {
            return new Section(problems, m, subject, keys);
        }
        problems.add(node.mark(), must + ", not " + node.describe());
        return null;
    }

    /** {@code kind 'name'} when the node is a mapping with a scalar name, else {@code kind #index}. */
    static String named(String kind, Node node, int index) {
        if (node instanceof Node.Mapping m && m.entries().get("name") != null
                && m.entries().get("name").value() instanceof Node.Scalar s && s.textOrNull() != null) {
            return kind + " '" + s.textOrNull() + "'";
        }
        return kind + " #" + index;
    }

    Node.Mark mark() {
        return mapping.mark();
    }

    String subject() {
        return subject;
    }

    Problems problems() {
        return problems;
    }

    /** The value written for {@code key}, or null when the key is absent. */
    Node node(String key) {
        Node.Entry entry = mapping.entries().get(key);
        return entry == null ? null : entry.value();
    }

    /** A nested mapping, or null when absent or not a mapping. */
    Section section(String key, String subject, List<String> keys) {
        Node node = node(key);
        return node == null ? null : of(problems, node, "'" + key + "' must be a mapping", subject, keys);
    }

    String text(String key) {
        return typed(key, "a string", Section::text);
    }

    String text(String key, Pattern form, String must) {
        return typed(key, must, n -> {
            String text = text(n);
            return text != null && form.matcher(text).matches() ? text : null;
        });
    }

    /** A value that must be there: when absent, the problem points at this mapping. */
    Node required(String key) {
        Node node = node(key);
        if (node == null) {
            problems.add(mark(), subject + " has no '" + key + "'");
        }
        return node;
    }

    Long whole(String key, long min, long max, String must) {
        return typed(key, must, n -> n instanceof Node.Scalar s && isWhole(s.value())
                && ((Number) s.value()).longValue() >= min && ((Number) s.value()).longValue() <= max
                ? ((Number) s.value()).longValue() : null);
    }

    Integer integer(String key, int min, int max, String must) {
        Long value = whole(key, min, max, must);
        return value == null ? null : value.intValue();
    }

    /** A number, 0 or more. */
    Double rate(String key) {
        return typed(key, "a number, 0 or more", n -> n instanceof Node.Scalar s && s.value() instanceof Number v
                && v.doubleValue() >= 0 && Double.isFinite(v.doubleValue()) ? v.doubleValue() : null);
    }

    Boolean bool(String key) {
        return typed(key, "true or false", n -> n instanceof Node.Scalar s && s.value() instanceof Boolean b ? b : null);
    }

    /** A duration in {@link Durations} syntax, at least {@code min}. */
    Duration duration(String key, Duration min, String must) {
        return typed(key, must, n -> {
            if (!(n instanceof Node.Scalar s && s.value() instanceof String text)) {
                return null;
            }
            try {
                Duration d = Durations.parse(text);
                return d.compareTo(min) >= 0 ? d : null;
            } catch (InvalidValueException e) {
                return null;
            }
        });
    }

    /** A list of strings (any scalar but null reads as its text), or null when absent or wrong. */
    List<String> strings(String key) {
        return typed(key, "a list of strings", n -> {
            if (!(n instanceof Node.Sequence seq)) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (Node item : seq.items()) {
                String text = text(item);
                if (text == null) {
                    problems.add(item.mark(), "each item of '" + key + "' must be a string, not " + item.describe());
                } else {
                    out.add(text);
                }
            }
            return out;
        });
    }

    /** A mapping of names to strings, in file order, or null when absent or wrong. */
    Map<String, String> textMap(String key) {
        return typed(key, "a mapping of names to strings", n -> {
            if (!(n instanceof Node.Mapping m)) {
                return null;
            }
            Map<String, String> out = new LinkedHashMap<>();
            m.entries().forEach((name, entry) -> {
                String text = text(entry.value());
                if (text == null) {
                    problems.add(entry.value().mark(), "'" + key + "' value of '" + name + "' must be a string, not "
                            + entry.value().describe());
                } else {
                    out.put(name, text);
                }
            });
            return out;
        });
    }

    private <T> T typed(String key, String must, Function<Node, T> convert) {
        Node node = node(key);
        if (node == null) {
            return null;
        }
        T value = convert.apply(node);
        if (value == null) {
            problems.add(node.mark(), "'" + key + "' must be " + must + ", not " + node.describe());
        }
        return value;
    }

    private static String text(Node node) {
        return node instanceof Node.Scalar s ? s.textOrNull() : null;
    }

    private static boolean isWhole(Object value) {
        return value instanceof Integer || value instanceof Long
                || value instanceof BigInteger b && b.bitLength() < 64;
    }
}

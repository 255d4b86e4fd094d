package org.fwbench.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML file into {@link Node}s with Jackson's streaming YAML parser, whose token locations are
 * the only way to know where each value was written (a databind tree forgets them).
 */
final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    /** The file's single document; duplicate keys are added to {@code problems}, malformed YAML is thrown. */
    static Node read(Path file, Problems problems) {
        String text = readText(file);
        try (YAMLParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                throw problems.fatal(new Node.Mark(1, 1), "the file is empty");
            }
            Node root = node(p, problems);
            if (p.nextToken() != null) {
                throw problems.fatal(mark(p), "a suite is a single YAML document, but another one starts here");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(e, text, problems);
        } catch (IOException e) {
            throw new SuiteException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SuiteException(file + ": no such file");
        } catch (MalformedInputException e) {
            throw new SuiteException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new SuiteException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static Node node(YAMLParser p, Problems problems) throws IOException {
        Node.Mark mark = mark(p);
        if (p.isCurrentAlias()) {
            throw problems.fatal(mark, "YAML aliases (*" + p.getText() + ") are not supported: use 'vars' instead");
        }
        JsonToken token = p.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(p, mark, problems);
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, problems));
                }
                yield new Node.Sequence(mark, List.copyOf(items));
            }
            case VALUE_STRING -> new Node.Scalar(mark, p.getText(), p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Node.Scalar(mark, p.getNumberValue(), p.getText());
            case VALUE_TRUE, VALUE_FALSE -> new Node.Scalar(mark, token == JsonToken.VALUE_TRUE, p.getText());
            case VALUE_NULL -> new Node.Scalar(mark, null, p.getText());
            default -> throw problems.fatal(mark, "unexpected YAML " + token);
        };
    }

    private static Node.Mapping mapping(YAMLParser p, Node.Mark mark, Problems problems) throws IOException {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String key = p.currentName();
            Node.Mark keyMark = mark(p);
            p.nextToken();
            Node value = node(p, problems);
            Node.Entry first = entries.putIfAbsent(key, new Node.Entry(keyMark, value));
            if (first != null) {
                problems.add(keyMark, "duplicate key '" + key + "' (first at line " + first.keyMark().line() + ")");
            }
        }
        return new Node.Mapping(mark, entries);
    }

    private static Node.Mark mark(JsonParser p) {
        JsonLocation at = p.currentTokenLocation();
        return new Node.Mark(at.getLineNr(), at.getColumnNr());
    }

    /** SnakeYAML knows where the problem is; Jackson's own location is where the parser stopped. */
    private static SuiteException malformed(JsonProcessingException e, String text, Problems problems) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            String what = yaml.getContext() == null ? yaml.getProblem() : yaml.getContext() + ", " + yaml.getProblem();
            int line = yaml.getProblemMark().getLine() + 1;
            int column = yaml.getProblemMark().getColumn() + 1;
            int index = yaml.getProblemMark().getIndex();
            if (index > 0 && index < text.length() && text.startsWith("${", index - 1)) {
                what += " (inside [...] and {...} a placeholder must be quoted: \"${name}\")";
                column--;
            }
            Node.Mark at = new Node.Mark(line, column);
            return problems.fatal(at, "malformed YAML: " + what);
        }
        JsonLocation at = e.getLocation();
        return problems.fatal(at == null ? new Node.Mark(1, 1) : new Node.Mark(at.getLineNr(), at.getColumnNr()),
                "malformed YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
}

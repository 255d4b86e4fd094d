package org.fwbench.targets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The {@code /template} page: the shared Jinja-syntax templates rendered by Pebble with autoescaping.
 * The parsed template and the rows are loaded once; the page itself is rendered on every call.
 */
public final class TemplatePage {

    public static final String CONTENT_TYPE = "text/html; charset=utf-8";
    public static final String TITLE = "fwbench template";

    private static final String ROOT = "fwbench/";
    private static final int PAGE_SIZE_HINT = 40_000;

    /** One row of {@code rows.json}; Pebble reads {@code row.id} through the record's accessors. */
    public record Row(int id, String text) {
    }

    private final PebbleTemplate template;
    private final Map<String, Object> variables;

    private TemplatePage(PebbleTemplate template, List<Row> rows) {
        this.template = template;
        this.variables = Map.of("title", TITLE, "rows", rows);
    }

    public static TemplatePage load() {
        ClasspathLoader loader = new ClasspathLoader(TemplatePage.class.getClassLoader());
        loader.setPrefix(ROOT + "templates/jinja");
        PebbleEngine engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).build();
        return new TemplatePage(engine.getTemplate("main.html"), readRows());
    }

    public String render() {
        StringWriter out = new StringWriter(PAGE_SIZE_HINT);
        try {
            template.evaluate(out, variables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<Row> readRows() {
        try (InputStream in = Resources.open(ROOT + "rows.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<List<Row>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rows.json", e);
        }
    }
}

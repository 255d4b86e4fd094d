package org.fwbench.targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of the {@code static} scenario, served under {@value #URL_PREFIX}. Frameworks with a class-path
 * static handler serve {@value #CLASSPATH_DIR}; handlers that need a real directory get {@link #extractedDirectory()}.
 */
public final class StaticFiles {

    public static final String URL_PREFIX = "/static";
    public static final String CLASSPATH_DIR = "fwbench/static";
    public static final String STYLE_SHEET = "style-100k.css";
    public static final String TEXT_CSS = "text/css";

    private static final List<String> FILES = List.of(STYLE_SHEET);

    private StaticFiles() {
    }

    /** The bytes of one static file, for servers that have no static-file handler (raw Netty). */
    public static byte[] bytes(String name) {
        return Resources.read(CLASSPATH_DIR + "/" + name);
    }

    /** A fresh temporary directory holding the static files, deleted when the JVM exits. */
    public static Path extractedDirectory() {
        try {
            Path dir = Files.createTempDirectory("fwbench-static-");
            dir.toFile().deleteOnExit();
            for (String name : FILES) {
                Path file = Files.write(dir.resolve(name), bytes(name));
                file.toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the static files", e);
        }
    }
}

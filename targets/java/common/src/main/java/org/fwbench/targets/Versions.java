package org.fwbench.targets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Framework versions as recorded in the libraries themselves, for frameworks without a version constant. */
public final class Versions {

    private Versions() {
    }

    /** The version in the {@code pom.properties} Maven packed into the artifact's jar, or {@code unknown}. */
    public static String fromPom(String groupId, String artifactId) {
        String path = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = Versions.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}

package org.fwbench.targets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Opens the assets packed into the common jar; a missing one is a build mistake, not a runtime condition. */
final class Resources {

    private Resources() {
    }

    static InputStream open(String name) {
        InputStream in = Resources.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("resource missing from the class path: " + name));
        }
        return in;
    }

    static byte[] read(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}

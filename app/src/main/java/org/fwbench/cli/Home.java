package org.fwbench.cli;

import java.nio.file.Path;

/** fwbench's root folder (suites/, targets/): set by the launcher, else the working directory. */
final class Home {

    private Home() {
    }

    static Path get() {
        String home = System.getProperty("fwbench.home");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
    }
}

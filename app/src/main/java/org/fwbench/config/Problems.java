package org.fwbench.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in one suite file, collected so that the user sees all of them at once. */
final class Problems {

    private final Path file;
    private final List<Found> found = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    void add(Node.Mark at, String what) {
        found.add(new Found(at, what));
    }

    int count() {
        return found.size();
    }

    /** A problem that ends reading at once, e.g. malformed YAML. */
    SuiteException fatal(Node.Mark at, String what) {
        add(at, what);
        return exception();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw exception();
        }
    }

    SuiteException exception() {
        return new SuiteException(found.stream()
                .sorted(Comparator.comparing(Found::at))
                .map(f -> file + ":" + f.at().line() + ":" + f.at().column() + ": " + f.what())
                .distinct()
                .toList());
    }

    private record Found(Node.Mark at, String what) {
    }
}

package org.fwbench.cli;

import org.fwbench.run.Version;
import picocli.CommandLine.IVersionProvider;

/** What {@code --version} prints: fwbench's version and the Java it runs on. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"fwbench " + Version.get(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}

package org.fwbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fwbench.config.SuiteWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fwbench init}: the comparison a command line describes, written as a suite file to keep and edit. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Prints a commented suite file for the servers and paths given, the same comparison "
                + "`fwbench run` with these options would run: fwbench init --server ... --path ... > mine.yaml, "
                + "then fwbench run mine.yaml.",
                "Load options given here become the suite's own load settings. Commands run in the suite file's "
                        + "folder: write it where you run the servers from."})
public final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AdHocOptions adHoc = new AdHocOptions();

    @Mixin
    LoadOptions load = new LoadOptions();

    @Override
    public Integer call() {
        String yaml = SuiteWriter.write(adHoc.suite(load.settings()));
        PrintWriter out = spec.commandLine().getOut();
        out.print(yaml);
        out.flush();
        return 0;
    }
}

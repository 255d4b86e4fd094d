package org.fwbench.cli;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fwbench.config.LoadSpecs;
import org.fwbench.load.LoadSpec;
import org.fwbench.result.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fwbench k8s-job --agents N [hammer options] URL}: the manifest of a Kubernetes Indexed Job whose N
 * pods each run {@code fwbench hammer} with those options, together from {@code --start-at}. It only writes
 * the manifest; {@code kubectl} applies it and collects the results (docs/distributed.md).
 */
@Command(name = "k8s-job", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Writes a Kubernetes Indexed Job (batch/v1) that runs N `fwbench hammer` agents, one per node, "
                + "each printing its JSON result to its log; collect with kubectl logs and join with `fwbench merge`.",
                "The load and request options are hammer's; an open model's rate (-R) is the total, split over the agents.",
                "Exit codes: 0 written; 2 usage error."})
public final class K8sJobCommand implements Callable<Integer> {

    /** A DNS label short enough that Kubernetes can add the pods' index and suffix to it. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,50}[a-z0-9])?");

    @Spec
    CommandSpec spec;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Mixin
    RequestOptions request = new RequestOptions();

    @Mixin
    ProtocolOptions protocol = new ProtocolOptions();

    @Parameters(paramLabel = "URL", description = "An http:// URL as the agents' pods reach it (a Service name, say).")
    String url;

    @Option(names = "--agents", required = true, paramLabel = "N", description = "Agents: pods, each on its own node.")
    int agents;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "When the agents open their measured window (ISO-8601 with a zone, or epoch seconds); "
                    + "leave time for scheduling and image pulls. Without it each starts when its pod does.")
    Instant startAt;

    @Option(names = "--image", defaultValue = "fwbench:latest", paramLabel = "IMAGE",
            description = "The fwbench image (see Containerfile). Default: ${DEFAULT-VALUE}.")
    String image;

    @Option(names = "--cpu", defaultValue = "2", paramLabel = "QUANTITY",
            description = "CPU request and limit of each agent. Default: ${DEFAULT-VALUE}.")
    String cpu;

    @Option(names = "--memory", defaultValue = "1Gi", paramLabel = "QUANTITY",
            description = "Memory request and limit of each agent. Default: ${DEFAULT-VALUE}.")
    String memory;

    @Option(names = "--name", defaultValue = "fwbench-agents", paramLabel = "NAME", description = "The Job's name. Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--namespace", paramLabel = "NS", description = "The Job's namespace. Default: kubectl's current one.")
    String namespace;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the manifest to FILE. Default: stdout.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (agents < 1) {
            throw new UsageException("--agents must be at least 1, not " + agents);
        }
        if (!NAME.matcher(name).matches()) {
            throw new UsageException("--name must be lowercase letters, digits and '-', at most 52, not '" + name + "'");
        }
        if (startAt != null) {
            AgentOptions.checkStart(startAt, Instant.now());
        }
        for (String option : List.of("--body", "--expect-body")) {
            String value = option.equals("--body") ? request.body : request.expectBody;
            if (value != null && value.startsWith("@")) {
                throw new UsageException(option + " @FILE: the file would not be in the agents' pods; give the text itself");
            }
        }
        String yaml = yaml(new AgentJob(name, namespace, image, quantity("--cpu", cpu), quantity("--memory", memory),
                agents, agentArgs()));
        if (out == null) {
            PrintWriter o = spec.commandLine().getOut();
            o.print(yaml);
            o.flush();
        } else {
            AtomicFiles.write(out, yaml.getBytes(StandardCharsets.UTF_8));
        }
        return 0;
    }

    /** What each pod runs: hammer with the load and request options as given, as agent $JOB_COMPLETION_INDEX of N. */
    List<String> agentArgs() {
        URI uri = HammerCommand.parseUrl(url); // not resolved: the host is one the pods know
        // the options make a valid spec here, so that a mistake shows now rather than in N pods
        request.applyTo(LoadSpecs.builder(uri, HammerCommand.settings(load, agents))).build();
        List<String> args = new ArrayList<>(List.of("hammer"));
        args.addAll(givenOptions(Set.of("load", "request", "protocol")));
        args.addAll(List.of("--agents", Integer.toString(agents)));
        if (startAt != null) {
            args.addAll(List.of("--start-at", startAt.toString()));
        }
        args.addAll(List.of("--json", "-", url));
        return args;
    }

    /** The options given on this command line that belong to the named mixins, as they were typed. */
    private List<String> givenOptions(Set<String> mixins) {
        Set<String> names = mixins.stream().flatMap(m -> spec.mixins().get(m).options().stream())
                .map(OptionSpec::longestName).collect(Collectors.toSet());
        List<String> args = new ArrayList<>();
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!names.contains(o.longestName())) {
                continue;
            }
            if (o.arity().max() == 0) {
                args.add(o.longestName());
            } else {
                for (String v : o.originalStringValues()) {
                    args.addAll(List.of(o.longestName(), v));
                }
            }
        }
        return args;
    }

    private static String quantity(String option, String value) {
        if (!value.matches("\\d+(\\.\\d+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?")) {
            throw new UsageException(option + " must be a Kubernetes quantity such as 2, 500m or 1Gi, not '" + value + "'");
        }
        return value;
    }

    static String yaml(AgentJob job) throws IOException {
        YAMLMapper yaml = new YAMLMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
        return yaml.writeValueAsString(job.manifest());
    }
}

package org.fwbench.cli;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes Indexed Job that runs N load agents, built with Kubernetes' model classes: one pod per agent
 * (completions = parallelism = N), each on a node of its own (required pod anti-affinity on the host name),
 * never restarted (an agent that starts late would miss the common start), its index in
 * {@code $JOB_COMPLETION_INDEX} and its result printed as JSON on stdout, where {@code kubectl logs} collects it.
 *
 * @param name      the Job's name; its pods are labelled with it
 * @param namespace the namespace, or null for kubectl's current one
 * @param image     the fwbench image (its entry point is fwbench)
 * @param cpu       CPU request and limit of each agent, a Kubernetes quantity such as {@code 2} or {@code 1500m}
 * @param memory    memory request and limit of each agent, such as {@code 1Gi}
 * @param agents    how many agents
 * @param args      the arguments of each agent's fwbench: {@code hammer ...}
 */
record AgentJob(String name, String namespace, String image, String cpu, String memory, int agents, List<String> args) {

    static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
    /** Where Kubernetes puts each pod's index; also exported as $JOB_COMPLETION_INDEX by recent versions. */
    static final String INDEX_ANNOTATION = "metadata.annotations['batch.kubernetes.io/job-completion-index']";

    AgentJob {
        args = List.copyOf(args);
    }

    Job manifest() {
        Map<String, String> labels = Map.of("app.kubernetes.io/name", "fwbench-agent", INSTANCE_LABEL, name);
        Map<String, Quantity> resources = Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory));
        return new JobBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                    .withCompletionMode("Indexed").withCompletions(agents).withParallelism(agents).withBackoffLimit(0)
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .withNewAffinity().withNewPodAntiAffinity()
                                .addNewRequiredDuringSchedulingIgnoredDuringExecution()
                                    .withTopologyKey("kubernetes.io/hostname")
                                    .withNewLabelSelector().withMatchLabels(Map.of(INSTANCE_LABEL, name)).endLabelSelector()
                                .endRequiredDuringSchedulingIgnoredDuringExecution()
                            .endPodAntiAffinity().endAffinity()
                            .addNewContainer()
                                .withName("agent").withImage(image).withArgs(args)
                                .addNewEnv().withName(AgentOptions.INDEX_VARIABLE)
                                    .withNewValueFrom().withNewFieldRef().withFieldPath(INDEX_ANNOTATION).endFieldRef().endValueFrom()
                                .endEnv()
                                .withNewResources().withRequests(resources).withLimits(resources).endResources()
                            .endContainer()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }
}

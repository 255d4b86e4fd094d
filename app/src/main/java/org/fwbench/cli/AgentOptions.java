package org.fwbench.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code hammer} as one of several load agents: a common start instant, and its share of an open model's
 * rate. In a Kubernetes Indexed Job the index comes from the environment the Job gives each pod.
 */
final class AgentOptions {

    /** Set by Kubernetes in each pod of an Indexed Job: 0, 1, ... completions - 1. */
    static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";
    /** A start further ahead than this is taken for a mistake (a wrong date), not a plan. */
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "Open the measured window at TIME (ISO-8601 with a zone, or epoch seconds), so that agents "
                    + "on several machines load together; the warm-up comes before it.")
    Instant startAt;

    @Option(names = "--agents", paramLabel = "N",
            description = "This is one of N agents loading together: an open model's rate (-R) is split evenly over them.")
    Integer agents;

    @Option(names = "--agent-index", paramLabel = "I",
            description = "Which of the N agents this is, 0 to N-1. Default: $" + INDEX_VARIABLE + " when set, else 0.")
    Integer agentIndex;

    /** The start instant, checked against {@code now}: in the past or too far ahead is a usage error. */
    Optional<Instant> startAt(Instant now) {
        if (startAt != null) {
            checkStart(startAt, now);
        }
        return Optional.ofNullable(startAt);
    }

    static void checkStart(Instant at, Instant now) {
        if (at.isBefore(now)) {
            throw new UsageException(String.format(java.util.Locale.ROOT,
                    "--start-at %s is %.1f s in the past: this agent would not start with the others", at,
                    Duration.between(at, now).toMillis() / 1000.0));
        }
        if (Duration.between(now, at).compareTo(LONGEST_WAIT) > 0) {
            throw new UsageException("--start-at " + at + " is more than " + LONGEST_WAIT.toHours()
                    + " hour ahead (now " + now + "): a wrong date?");
        }
    }

    int agents() {
        int n = agents == null ? 1 : agents;
        if (n < 1) {
            throw new UsageException("--agents must be at least 1, not " + n);
        }
        return n;
    }

    /** This agent's index: --agent-index, else the Indexed Job's variable when --agents was given, else 0. */
    int agentIndex(Map<String, String> environment) {
        int n = agents();
        if (agentIndex != null && agents == null) {
            throw new UsageException("--agent-index needs --agents N");
        }
        int index;
        if (agentIndex != null) {
            index = agentIndex;
        } else if (agents != null && environment.containsKey(INDEX_VARIABLE)) {
            try {
                index = Integer.parseInt(environment.get(INDEX_VARIABLE).trim());
            } catch (NumberFormatException e) {
                throw new UsageException("$" + INDEX_VARIABLE + " is not an index: '" + environment.get(INDEX_VARIABLE) + "'");
            }
        } else {
            index = 0;
        }
        if (index < 0 || index >= n) {
            throw new UsageException("the agent index must be 0 to " + (n - 1) + " with --agents " + n + ", not " + index);
        }
        return index;
    }
}

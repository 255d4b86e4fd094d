package org.fwbench.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fwbench.stats.Histograms;
import org.fwbench.stats.LatencySummary;

/**
 * Reads results of schema version 1 as version 2 sees them. Version 1 had no p95, no rounds and no conditions
 * per measurement: every repeat then was its own start (unless {@code restart} was off) and its own round, with
 * a fixed warm-up and no interference reading. The p95 is recovered exactly from each measurement's latency
 * histogram; summaries, rankings and interference are left out, for the analysis to draw again from the
 * measurements.
 */
final class SchemaOne {

    static final int VERSION = 1;

    private SchemaOne() {
    }

    /** The version-1 tree, changed in place into a tree of version 2's shape; its schemaVersion stays 1. */
    static JsonNode upgrade(ObjectNode run) {
        ObjectNode settings = (ObjectNode) run.path("settings");
        boolean restart = settings.path("restart").asBoolean(true);
        int repeats = settings.path("repeats").asInt(1);
        settings.put("measurementsPerStart", restart ? 1 : repeats);
        settings.put("seed", 0);
        settings.putArray("rounds");
        settings.put("quick", false);
        run.putArray("rankings");
        run.putNull("interference");
        for (JsonNode target : run.path("targets")) {
            for (JsonNode scenario : target.path("scenarios")) {
                ((ObjectNode) scenario).putNull("summary");
                for (JsonNode m : scenario.path("measurements")) {
                    upgradeMeasurement((ObjectNode) m, restart);
                }
            }
        }
        return run;
    }

    private static void upgradeMeasurement(ObjectNode m, boolean restart) {
        int repeat = m.path("repeat").asInt(1);
        Measurement.Conditions conditions = new Measurement.Conditions(restart ? repeat : 1, repeat, Warmup.NONE,
                Disturbance.UNKNOWN, 0, 0, 0);
        m.set("conditions", Json.MAPPER.valueToTree(conditions));
        m.putNull("fixedRate");
        ObjectNode load = (ObjectNode) m.path("load");
        JsonNode histogram = load.path("latencyHistogram");
        if (histogram.isTextual() && !histogram.asText().isEmpty()) {
            load.set("latencyMs", Json.MAPPER.valueToTree(LatencySummary.ofMicros(Histograms.decode(histogram.asText()))));
        }
    }
}

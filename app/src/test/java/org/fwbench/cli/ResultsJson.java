package org.fwbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Readings of a results.json that the end-to-end tests share. */
final class ResultsJson {

    private ResultsJson() {
    }

    /**
     * The make-up starts a target had: a start that stayed disturbed from outside after its retries is measured again
     * after the rounds, which a busy machine can cause in any run of several rounds.
     */
    static int madeUpStarts(JsonNode target) {
        Set<Integer> starts = new HashSet<>();
        for (JsonNode scenario : target.path("scenarios")) {
            for (String list : List.of("measurements", "setAside")) {
                for (JsonNode m : scenario.path(list)) {
                    if (m.path("conditions").path("madeUpFor").asInt() > 0) {
                        starts.add(m.path("conditions").path("start").asInt());
                    }
                }
            }
        }
        return starts.size();
    }
}

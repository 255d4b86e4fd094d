package org.fwbench.result;

/** One measured target x scenario: the scenario's result with the target it belongs to. */
public record Cell(TargetResult target, ScenarioResult scenario) {

    public Summary summary() {
        return scenario.summary();
    }

    public String targetName() {
        return target.name();
    }
}

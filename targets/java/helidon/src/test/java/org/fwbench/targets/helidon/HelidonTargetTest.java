package org.fwbench.targets.helidon;

import org.fwbench.targets.testkit.TargetContract;

class HelidonTargetTest extends TargetContract {

    HelidonTargetTest() {
        super(HelidonTarget.app());
    }
}

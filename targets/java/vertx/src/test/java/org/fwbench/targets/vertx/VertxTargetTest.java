package org.fwbench.targets.vertx;

import org.fwbench.targets.testkit.TargetContract;

class VertxTargetTest extends TargetContract {

    VertxTargetTest() {
        super(VertxTarget.app());
    }
}

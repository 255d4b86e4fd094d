package org.fwbench.targets.javalin;

import org.fwbench.targets.testkit.TargetContract;

class JavalinTargetTest extends TargetContract {

    JavalinTargetTest() {
        super(JavalinTarget.app());
    }
}

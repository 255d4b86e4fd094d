package org.fwbench.targets.undertow;

import org.fwbench.targets.testkit.TargetContract;

class UndertowTargetTest extends TargetContract {

    UndertowTargetTest() {
        super(UndertowTarget.app());
    }
}

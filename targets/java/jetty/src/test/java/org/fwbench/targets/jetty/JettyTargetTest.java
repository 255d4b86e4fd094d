package org.fwbench.targets.jetty;

import org.fwbench.targets.testkit.TargetContract;

class JettyTargetTest extends TargetContract {

    JettyTargetTest() {
        super(JettyTarget.app());
    }
}

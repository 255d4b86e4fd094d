package org.fwbench.targets.jdkhttpserver;

import org.fwbench.targets.testkit.TargetContract;

class JdkHttpServerTargetTest extends TargetContract {

    JdkHttpServerTargetTest() {
        super(JdkHttpServerTarget.app());
    }
}

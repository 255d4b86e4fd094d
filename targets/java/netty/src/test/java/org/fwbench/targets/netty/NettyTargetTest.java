package org.fwbench.targets.netty;

import org.fwbench.targets.testkit.TargetContract;

class NettyTargetTest extends TargetContract {

    NettyTargetTest() {
        super(NettyTarget.app());
    }
}

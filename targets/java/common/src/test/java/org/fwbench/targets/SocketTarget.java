package org.fwbench.targets;

import java.net.InetAddress;
import java.net.ServerSocket;

/** The smallest target there is, for {@link TargetMainTest} to run as a real process: it only holds its port. */
final class SocketTarget {

    private SocketTarget() {
    }

    public static void main(String[] args) {
        TargetMain.run(args, TargetApp.http1("Socket", "1.0", listen -> {
            ServerSocket socket = new ServerSocket(listen.port(), 50, InetAddress.getLoopbackAddress());
            return () -> {
                socket.close();
                System.out.println("closed");
            };
        }));
    }
}

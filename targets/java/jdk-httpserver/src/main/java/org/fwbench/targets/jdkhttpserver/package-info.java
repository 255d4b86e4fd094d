/**
 * The JDK's own {@code com.sun.net.httpserver} as a target: no framework at all, one virtual thread per request.
 * It is the floor the other targets are compared against.
 */
package org.fwbench.targets.jdkhttpserver;

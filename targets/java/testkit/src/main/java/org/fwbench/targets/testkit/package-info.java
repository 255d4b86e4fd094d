/**
 * The route contract every built-in Java target must meet, as an abstract JUnit test each module extends.
 * It starts the target in-process on a free loopback port and checks all routes with the JDK's HTTP client,
 * and, for targets that serve them, over h2c with prior knowledge and over TLS (h2 and HTTP/1.1) with Netty's.
 */
package org.fwbench.targets.testkit;

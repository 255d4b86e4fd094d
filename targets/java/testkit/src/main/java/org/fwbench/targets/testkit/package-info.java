/**
 * The route contract every built-in Java target must meet, as an abstract JUnit test each module extends.
 * It starts the target in-process on a free loopback port and checks all routes with the JDK's HTTP client.
 */
package org.fwbench.targets.testkit;

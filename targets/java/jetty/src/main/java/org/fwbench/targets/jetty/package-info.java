/**
 * Jetty 12 as a target, on its core Handler API (no servlets): a path-mapping handler routes, a
 * {@code ResourceHandler} serves the static files from the class path. On request the same connector also
 * speaks h2c, or TLS with h2 and http/1.1 by ALPN.
 */
package org.fwbench.targets.jetty;

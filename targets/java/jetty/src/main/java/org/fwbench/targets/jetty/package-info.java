/**
 * Jetty 12 as a target, on its core Handler API (no servlets): a path-mapping handler routes, a
 * {@code ResourceHandler} serves the static files from the class path.
 */
package org.fwbench.targets.jetty;

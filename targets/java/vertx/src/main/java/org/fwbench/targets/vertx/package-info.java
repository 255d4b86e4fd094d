/**
 * Vert.x 5 as a target: a web Router in a verticle deployed once per available CPU, the usual way to spread
 * a Vert.x server over event loops; the static files come from Vert.x Web's StaticHandler. HTTP/2 only on
 * request: h2c in cleartext, or TLS with h2 by ALPN.
 */
package org.fwbench.targets.vertx;

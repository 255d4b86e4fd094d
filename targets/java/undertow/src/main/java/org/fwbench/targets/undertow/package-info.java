/**
 * Undertow as a target: a routing handler for the routes and Undertow's resource handler over the class path
 * for the static files, all answered on the XNIO I/O threads. On request its HTTP/2 is switched on: h2c on the
 * cleartext listener, or h2 by ALPN on a TLS listener.
 */
package org.fwbench.targets.undertow;

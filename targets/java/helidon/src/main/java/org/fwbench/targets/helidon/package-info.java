/**
 * Helidon SE 4 as a target: its own virtual-thread WebServer with HTTP routing, JSON through the JSON-P
 * media support and static files through the static-content feature. Its HTTP/2 module serves h2c, or h2
 * by ALPN over TLS, when asked; otherwise only HTTP/1.1 is configured.
 */
package org.fwbench.targets.helidon;

/**
 * Undertow as a target: a routing handler for the routes and Undertow's resource handler over the class path
 * for the static files, all answered on the XNIO I/O threads.
 */
package org.fwbench.targets.undertow;

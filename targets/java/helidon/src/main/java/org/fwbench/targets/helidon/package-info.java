/**
 * Helidon SE 4 as a target: its own virtual-thread WebServer with HTTP routing, JSON through the JSON-P
 * media support and static files through the static-content feature.
 */
package org.fwbench.targets.helidon;

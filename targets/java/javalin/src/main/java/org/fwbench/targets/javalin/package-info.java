/**
 * Javalin 7 as a target: routes and static files declared in its config (the 7.x way), JSON through ctx.json
 * and Javalin's Jackson mapper, all on the Jetty that Javalin ships with.
 */
package org.fwbench.targets.javalin;

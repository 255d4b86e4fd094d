/**
 * What every built-in Java target shares: the command line, the responses, the template page and the static file.
 * Each framework module only wires these into its own routing, so the targets differ in the framework alone.
 */
package org.fwbench.targets;

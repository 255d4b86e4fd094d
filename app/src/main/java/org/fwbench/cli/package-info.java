/**
 * The command line: picocli commands that turn options into a plan, hand it to the runner or the load
 * engine, and give the results to the renderers. Bad input ends here as one line and exit code 2.
 */
package org.fwbench.cli;

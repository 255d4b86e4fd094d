/**
 * What a run is asked to do: suite files (targets, scenarios, placeholders and the checks that tell a correct
 * response from a wrong one), read strictly so that every mistake is reported as {@code FILE:LINE:COL: what is
 * wrong}; the modes; and every layer of load settings, from the defaults to the engine's {@code LoadSpec}.
 */
package org.fwbench.config;

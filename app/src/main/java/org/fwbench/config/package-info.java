/**
 * Suite files: the YAML that names the targets to start and the scenarios to send them, read strictly
 * so that every mistake is reported as {@code FILE:LINE:COL: what is wrong}, plus the placeholders
 * expanded in commands and the check that tells a correct response from a wrong one.
 */
package org.fwbench.config;

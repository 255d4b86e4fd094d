/**
 * The results of a run as immutable records: this is fwbench's JSON schema ({@link RunResult#SCHEMA_VERSION}).
 * The runner builds them; every renderer and {@code compare} reads only them.
 */
package org.fwbench.result;

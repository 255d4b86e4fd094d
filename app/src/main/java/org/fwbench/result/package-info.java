/**
 * The results of a run as immutable records: this is fwbench's JSON schema ({@link RunResult#SCHEMA_VERSION}),
 * self-contained, with its own load and memory records and its statuses as enums written in lowercase.
 * {@link ResultsFile} writes and reads results.json; the runner converts what the engine and the sampler
 * measured into these records, and analysis and every renderer read only them.
 */
package org.fwbench.result;

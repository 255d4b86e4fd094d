/**
 * Renderers: they read finished results and their analysis, and nothing else, and write the console table,
 * CSV, Markdown, the HTML report and the run-to-run changes. Each table is a list of columns that keep their
 * header with their value; every file is written atomically.
 */
package org.fwbench.report;

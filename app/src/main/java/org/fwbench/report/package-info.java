/**
 * Renderers: they read finished results and nothing else, and write the console table, JSON, CSV,
 * Markdown and the HTML report. Every file is written atomically.
 */
package org.fwbench.report;

/**
 * Quantities as people type and read them: durations and byte sizes, parsed strictly and formatted
 * so that they parse back.
 */
package org.fwbench.units;

/**
 * Quantities as people type and read them: durations and byte sizes parsed strictly, and {@link
 * org.fwbench.units.Format}, the one place figures are spelled for people (MiB, milliseconds, rates).
 */
package org.fwbench.units;

package org.fwbench.cli;

import org.fwbench.analysis.Threshold;
import org.fwbench.units.InvalidValueException;
import picocli.CommandLine;

/** Reads {@code --fail-if} at parse time, so a typo is a usage error before anything runs. */
final class ThresholdConverter implements CommandLine.ITypeConverter<Threshold> {

    @Override
    public Threshold convert(String value) {
        try {
            return Threshold.parse(value);
        } catch (InvalidValueException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}

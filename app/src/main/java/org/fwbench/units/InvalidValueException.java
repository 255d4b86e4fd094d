package org.fwbench.units;

/** A value that does not parse: its message is meant to be shown to a user as it is. */
public final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }
}

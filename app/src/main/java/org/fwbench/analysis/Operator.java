package org.fwbench.analysis;

/** How a measured value is held against a limit; the expression states when the run fails. */
public enum Operator {
    LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    static Operator of(String symbol) {
        for (Operator o : values()) {
            if (o.symbol.equals(symbol)) {
                return o;
            }
        }
        throw new IllegalArgumentException(symbol);
    }

    boolean holds(double value, double limit) {
        return switch (this) {
            case LESS -> value < limit;
            case LESS_OR_EQUAL -> value <= limit;
            case GREATER -> value > limit;
            case GREATER_OR_EQUAL -> value >= limit;
        };
    }
}

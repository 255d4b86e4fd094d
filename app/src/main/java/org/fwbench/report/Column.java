package org.fwbench.report;

import java.util.List;
import java.util.function.Function;

/**
 * A table column: its header together with how a row's value is spelled, so that a header can never drift
 * from its value. The console, Markdown, HTML and CSV tables are lists of these.
 *
 * @param <R> what one row is made from
 */
record Column<R>(String header, Function<R, String> value) {

    static <R> List<String> headers(List<Column<R>> columns) {
        return columns.stream().map(Column::header).toList();
    }

    static <R> List<String> values(List<Column<R>> columns, R row) {
        return columns.stream().map(c -> c.value().apply(row)).toList();
    }
}

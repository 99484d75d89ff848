package dev.natconsole.shared;

import java.util.List;

/**
 * One bad input field: {@code field} is the path the client sent (for example
 * {@code availabilityZones[1].publicSubnetCidr}), {@code message} says what is wrong in plain English. Where the
 * problem has a {@code code} (a message key) and {@code args}, pages show it in the reader's language.
 */
public record FieldProblem(String field, String message, String code, List<Object> args) {

    public FieldProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public FieldProblem(String field, String message) {
        this(field, message, null, List.of());
    }

    public static FieldProblem of(String field, String code, String message, Object... args) {
        return new FieldProblem(field, message, code, List.of(args));
    }
}

package dev.natconsole.shared;

/**
 * One bad input field: {@code field} is the path the client sent (for example
 * {@code availabilityZones[1].publicSubnetCidr}), {@code message} says what is wrong in plain words.
 */
public record FieldProblem(String field, String message) {
}

package dev.natconsole.target;

/** What a user gives to register a target. */
public record NewTarget(String name, TargetKind kind, String endpointUrl, String profileName, String defaultRegion) {
}

package dev.natconsole.console.internal;

import java.util.List;

/** The wizard's pages in order; each owns the form fields it shows, so it shows only its own errors. */
public enum WizardStep {
    TARGET("target", List.of("name", "targetId", "region")),
    NETWORK("network", List.of("vpcCidr", "availabilityZones", "selectedZones")),
    SUBNETS("subnets", List.of("availabilityZones[")),
    NAT("nat", List.of("natLayout", "privateRouting", "nat.", "options.")),
    REVIEW("review", List.of());

    private final String path;
    private final List<String> fieldPrefixes;

    WizardStep(String path, List<String> fieldPrefixes) {
        this.path = path;
        this.fieldPrefixes = fieldPrefixes;
    }

    public String path() {
        return path;
    }

    public int number() {
        return ordinal() + 1;
    }

    /** Whether a validation problem on {@code field} belongs on this page. */
    boolean owns(String field) {
        if (this == NETWORK) {
            return field.equals("vpcCidr") || field.equals("availabilityZones") || field.endsWith("].name");
        }
        if (this == SUBNETS) {
            return field.startsWith("availabilityZones[") && !field.endsWith("].name");
        }
        return fieldPrefixes.stream().anyMatch(prefix -> prefix.endsWith(".") || prefix.endsWith("[")
                ? field.startsWith(prefix) : field.equals(prefix));
    }

    static WizardStep of(String path) {
        for (WizardStep step : values()) {
            if (step.path.equals(path)) {
                return step;
            }
        }
        return null;
    }

    WizardStep next() {
        return this == REVIEW ? REVIEW : values()[ordinal() + 1];
    }

    WizardStep previous() {
        return this == TARGET ? TARGET : values()[ordinal() - 1];
    }
}

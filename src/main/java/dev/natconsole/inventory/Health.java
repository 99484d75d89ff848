package dev.natconsole.inventory;

import java.util.Collection;
import java.util.Locale;

/** The worst severity among a NAT path's findings, or OK when it has none. Used to filter lists. */
public enum Health {
    OK, INFO, WARNING, ERROR;

    public static Health of(Collection<Finding> findings) {
        return findings.stream().map(Finding::severity).min(Enum::compareTo)
                .map(severity -> Health.valueOf(severity.name())).orElse(OK);
    }

    /** Parses {@code ok}, {@code info}, {@code warning} or {@code error}, in any case; null for anything else. */
    public static Health parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Health.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

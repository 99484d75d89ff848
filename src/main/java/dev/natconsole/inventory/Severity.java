package dev.natconsole.inventory;

/** How bad a finding is. Declared from the worst down, so that {@code compareTo} orders by urgency. */
public enum Severity {
    /** Traffic is (or will be) lost, or the NAT is exposed: fix it now. */
    ERROR,
    /** Works today but fragile, costly or narrower than users expect. */
    WARNING,
    /** Worth knowing; nothing is broken. */
    INFO
}

package dev.natconsole.target;

/** Where a target's API calls go. */
public enum TargetKind {
    /** A real AWS account, reached with the default credential chain or a named profile. */
    AWS,
    /** An emulator endpoint (LocalStack, moto) reached with fixed test credentials. */
    EMULATOR
}

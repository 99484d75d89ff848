package dev.natconsole.security;

/** What a console user may do; each role includes the ones before it. */
public enum Role {
    /** Reads everything. */
    VIEWER,
    /** Also creates and edits plans, applies, resumes, destroys, repairs and scans. */
    OPERATOR,
    /** Also manages targets, users and API tokens, and reads the audit log. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}

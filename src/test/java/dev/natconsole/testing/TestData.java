package dev.natconsole.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties the plan, run, draft and target tables between tests that share a Spring context. It deletes rows
 * directly on purpose: the console rightly refuses to delete an applied plan, but moto is wiped between test
 * classes anyway, so there is nothing in AWS to protect here.
 */
public final class TestData {

    private TestData() {
    }

    public static void wipe(JdbcTemplate jdbc) {
        // Runs, steps, resources and locks go with their topology (on delete cascade).
        jdbc.update("delete from topology");
        jdbc.update("delete from wizard_draft");
        jdbc.update("delete from aws_target");
    }
}

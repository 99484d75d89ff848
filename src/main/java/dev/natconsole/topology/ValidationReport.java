package dev.natconsole.topology;

import java.util.List;

import dev.natconsole.shared.FieldProblem;

/** What validation found: errors refuse the topology, warnings are shown beside it. */
public record ValidationReport(List<FieldProblem> errors, List<FieldProblem> warnings) {

    public boolean valid() {
        return errors.isEmpty();
    }
}

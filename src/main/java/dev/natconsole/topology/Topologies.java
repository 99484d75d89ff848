package dev.natconsole.topology;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.natconsole.shared.FieldProblem;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.shared.NotFoundException;
import dev.natconsole.target.TargetUnreachableException;
import dev.natconsole.target.Targets;
import dev.natconsole.topology.TopologyValidator.ZoneLookup;
import dev.natconsole.topology.internal.TopologyEntity;
import dev.natconsole.topology.internal.TopologyRepository;

/** The stored topology plans: create, change, read, delete, and the plan of actions for each. */
@Service
public class Topologies {

    private final TopologyRepository repository;
    private final Targets targets;
    private final TopologyValidator validator = new TopologyValidator();
    private final Clock clock;
    /** Looked up at deletion time: the guards' own modules depend on this one. */
    private final ObjectProvider<TopologyDeletionGuard> deletionGuards;

    Topologies(TopologyRepository repository, Targets targets, Clock clock,
            ObjectProvider<TopologyDeletionGuard> deletionGuards) {
        this.repository = repository;
        this.targets = targets;
        this.clock = clock;
        this.deletionGuards = deletionGuards;
    }

    /** A topology with the validation warnings it was saved with. */
    public record Saved(Topology topology, List<FieldProblem> warnings) {
    }

    @Transactional(readOnly = true)
    public List<Topology> list() {
        return repository.findAllByOrderByNameAsc().stream().map(TopologyEntity::toTopology).toList();
    }

    @Transactional(readOnly = true)
    public Topology get(long id) {
        return repository.findById(id).map(TopologyEntity::toTopology)
                .orElseThrow(() -> new NotFoundException("Topology", id));
    }

    @Transactional(readOnly = true)
    public Optional<Topology> find(long id) {
        return repository.findById(id).map(TopologyEntity::toTopology);
    }

    /** Completes defaults and validates without storing anything: what the wizard shows as the user types. */
    public ValidationReport check(TopologySpec spec, Long existingId) {
        TopologySpec complete = TopologyDefaults.complete(spec);
        List<FieldProblem> errors = new ArrayList<>();
        ZoneLookup zones = ZoneLookup.unavailable();
        if (complete.targetId() != null) {
            if (!targets.exists(complete.targetId())) {
                errors.add(FieldProblem.of("targetId", "validation.target.missing",
                        "target " + complete.targetId() + " does not exist", complete.targetId()));
            } else {
                zones = region -> {
                    try {
                        return Optional.of(targets.availabilityZones(complete.targetId(), region));
                    } catch (TargetUnreachableException e) {
                        return Optional.empty();
                    }
                };
            }
        }
        ValidationReport report = validator.validate(complete, zones);
        errors.addAll(report.errors());
        if (complete.name() != null) {
            repository.findByName(complete.name())
                    .filter(other -> !other.getId().equals(existingId))
                    .ifPresent(other -> errors.add(FieldProblem.of("name", "validation.name.taken",
                            "a topology named " + complete.name() + " already exists", complete.name())));
        }
        return new ValidationReport(List.copyOf(errors), report.warnings());
    }

    @Transactional
    public Saved create(TopologySpec spec) {
        TopologySpec complete = TopologyDefaults.complete(spec);
        ValidationReport report = requireValid(complete, null);
        TopologyEntity saved = repository.saveAndFlush(new TopologyEntity(complete, clock.instant()));
        return new Saved(saved.toTopology(), report.warnings());
    }

    @Transactional
    public Saved update(long id, TopologySpec spec) {
        TopologyEntity entity = repository.findById(id).orElseThrow(() -> new NotFoundException("Topology", id));
        TopologySpec complete = TopologyDefaults.complete(spec);
        ValidationReport report = requireValid(complete, id);
        entity.apply(complete, clock.instant());
        return new Saved(repository.saveAndFlush(entity).toTopology(), report.warnings());
    }

    @Transactional
    public void delete(long id) {
        if (!repository.existsById(id)) {
            throw new NotFoundException("Topology", id);
        }
        deletionGuards.orderedStream().forEach(guard -> guard.checkDeletable(id));
        repository.deleteById(id);
    }

    @Transactional(readOnly = true)
    public Plan plan(long id) {
        return PlanBuilder.build(get(id).spec());
    }

    private ValidationReport requireValid(TopologySpec complete, Long existingId) {
        ValidationReport report = check(complete, existingId);
        if (!report.valid()) {
            throw new InvalidInputException(report.errors());
        }
        return report;
    }
}

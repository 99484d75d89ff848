package dev.natconsole.topology.internal;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.natconsole.shared.FieldProblem;
import dev.natconsole.topology.Plan;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.Topology;
import dev.natconsole.topology.TopologySpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Topologies", description = "Topology plans: VPC, subnets per AZ and the NAT design")
@RestController
@RequestMapping("/api/topologies")
class TopologyController {

    private final Topologies topologies;

    TopologyController(Topologies topologies) {
        this.topologies = topologies;
    }

    /** A topology as the API shows it: the stored design plus any warnings it was validated with. */
    record TopologyResponse(long id, long version, TopologySpec spec, List<FieldProblem> warnings,
            java.time.Instant createdAt, java.time.Instant updatedAt) {

        static TopologyResponse of(Topology topology, List<FieldProblem> warnings) {
            return new TopologyResponse(topology.id(), topology.version(), topology.spec(), warnings,
                    topology.createdAt(), topology.updatedAt());
        }
    }

    @Operation(summary = "List topology plans")
    @GetMapping
    List<TopologyResponse> list() {
        return topologies.list().stream().map(topology -> TopologyResponse.of(topology, List.of())).toList();
    }

    @Operation(summary = "Create a topology plan", description = "Missing parts take the seed's defaults; blank "
            + "subnet blocks are suggested. A 400 problem detail lists every bad field in 'errors'.")
    @PostMapping
    ResponseEntity<TopologyResponse> create(@RequestBody TopologySpec spec) {
        Topologies.Saved saved = topologies.create(spec);
        return ResponseEntity.created(URI.create("/api/topologies/" + saved.topology().id()))
                .body(TopologyResponse.of(saved.topology(), saved.warnings()));
    }

    @Operation(summary = "Read a topology plan")
    @GetMapping("/{id}")
    TopologyResponse get(@PathVariable long id) {
        return TopologyResponse.of(topologies.get(id), List.of());
    }

    @Operation(summary = "Replace a topology plan's design")
    @PutMapping("/{id}")
    TopologyResponse update(@PathVariable long id, @RequestBody TopologySpec spec) {
        Topologies.Saved saved = topologies.update(id, spec);
        return TopologyResponse.of(saved.topology(), saved.warnings());
    }

    @Operation(summary = "Delete a topology plan")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        topologies.delete(id);
    }

    @Operation(summary = "The ordered actions applying this topology will perform, with their dependencies")
    @GetMapping("/{id}/plan")
    Plan plan(@PathVariable long id) {
        return topologies.plan(id);
    }
}

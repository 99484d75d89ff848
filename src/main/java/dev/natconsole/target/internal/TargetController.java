package dev.natconsole.target.internal;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.natconsole.target.NewTarget;
import dev.natconsole.target.Target;
import dev.natconsole.target.Targets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Targets", description = "AWS accounts and emulator endpoints that topologies are applied to")
@RestController
@RequestMapping("/api/targets")
class TargetController {

    private final Targets targets;

    TargetController(Targets targets) {
        this.targets = targets;
    }

    @Operation(summary = "List targets")
    @GetMapping
    List<Target> list() {
        return targets.list();
    }

    @Operation(summary = "Register a target", description = "kind AWS uses the default credential chain or "
            + "profileName; kind EMULATOR needs endpointUrl and uses fixed test credentials")
    @PostMapping
    ResponseEntity<Target> create(@RequestBody NewTarget request) {
        Target target = targets.create(request);
        return ResponseEntity.created(URI.create("/api/targets/" + target.id())).body(target);
    }

    @Operation(summary = "Read a target")
    @GetMapping("/{id}")
    Target get(@PathVariable long id) {
        return targets.get(id);
    }

    @Operation(summary = "Delete a target (409 while a topology uses it)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        targets.delete(id);
    }

    @Operation(summary = "Availability zones the target reports for a region (default: its default region)")
    @GetMapping("/{id}/availability-zones")
    List<String> availabilityZones(@PathVariable long id, @RequestParam(required = false) String region) {
        return targets.availabilityZones(id, region == null ? targets.get(id).defaultRegion() : region);
    }

}

package dev.natconsole.provisioning.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.natconsole.provisioning.Provisioning;
import dev.natconsole.provisioning.ProvisioningOutputs;
import dev.natconsole.provisioning.RunSummary;
import dev.natconsole.provisioning.RunView;
import dev.natconsole.provisioning.TopologyStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Provisioning", description = "Apply, resume and destroy topologies in AWS, and follow their runs")
@RestController
@RequestMapping("/api/topologies/{topologyId}")
class ProvisioningController {

    private final Provisioning provisioning;

    ProvisioningController(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Operation(summary = "Apply the topology (202; 409 while another run of it is going)")
    @PostMapping("/apply")
    ResponseEntity<RunView> apply(@PathVariable long topologyId) {
        return accepted(provisioning.apply(topologyId));
    }

    @Operation(summary = "Destroy everything the topology made in AWS (202; 409 while another run is going)")
    @PostMapping("/destroy")
    ResponseEntity<RunView> destroy(@PathVariable long topologyId) {
        return accepted(provisioning.destroy(topologyId));
    }

    @Operation(summary = "Resume a failed or interrupted run (202)")
    @PostMapping("/runs/{runId}/resume")
    ResponseEntity<RunView> resume(@PathVariable long topologyId, @PathVariable long runId) {
        return accepted(provisioning.resume(topologyId, runId));
    }

    @Operation(summary = "The topology's runs, newest first")
    @GetMapping("/runs")
    List<RunSummary> runs(@PathVariable long topologyId) {
        return provisioning.runs(topologyId);
    }

    @Operation(summary = "A run with its steps")
    @GetMapping("/runs/{runId}")
    RunView run(@PathVariable long topologyId, @PathVariable long runId) {
        return provisioning.run(topologyId, runId);
    }

    @Operation(summary = "Follow a run: a 'run' event with its state, a 'step' event per step change, a last 'run' event")
    @GetMapping(path = "/runs/{runId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable long topologyId, @PathVariable long runId) {
        return provisioning.follow(topologyId, runId);
    }

    @Operation(summary = "NAT addresses, instance ids and the SSH/verification commands of the applied topology")
    @GetMapping("/outputs")
    ProvisioningOutputs outputs(@PathVariable long topologyId) {
        return provisioning.outputs(topologyId);
    }

    @Operation(summary = "Where the topology stands in AWS (DRAFT, APPLYING, APPLIED, FAILED, DESTROYING, DESTROYED)")
    @GetMapping("/status")
    Map<String, TopologyStatus> status(@PathVariable long topologyId) {
        return Map.of("status", provisioning.status(topologyId));
    }

    private static ResponseEntity<RunView> accepted(RunView run) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/topologies/" + run.topologyId() + "/runs/" + run.id())).body(run);
    }
}

package dev.natconsole.inventory.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.natconsole.inventory.DriftKind;
import dev.natconsole.inventory.DriftReport;
import dev.natconsole.inventory.Inventory;
import dev.natconsole.provisioning.ExtraRule;
import dev.natconsole.provisioning.Provisioning;
import dev.natconsole.provisioning.RunView;
import dev.natconsole.target.TargetUnreachableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

@Tag(name = "Drift", description = "A managed topology's plan against what its target holds")
@RestController
class DriftController {

    private final Inventory inventory;
    private final Provisioning provisioning;

    DriftController(Inventory inventory, Provisioning provisioning) {
        this.inventory = inventory;
        this.provisioning = provisioning;
    }

    /** What a repair did: the drift it found, the rules it revoked and the run that re-applies the rest. */
    record RepairResult(DriftReport drift, List<ExtraRule> revokedRules, RunView run) {
    }

    @Operation(summary = "Repair drift", description = "Checks drift now, revokes security group rules added "
            + "behind the console's back, and re-applies only the drifted plan actions through the provisioning "
            + "engine (202 with the run). 200 when there was nothing to repair.")
    @PostMapping("/api/topologies/{id}/repair")
    ResponseEntity<RepairResult> repair(@PathVariable long id) {
        DriftReport drift = drift(id);
        if (drift.status() != DriftReport.Status.DRIFTED) {
            return ResponseEntity.ok(new RepairResult(drift, List.of(), null));
        }
        List<ExtraRule> extra = drift.items().stream()
                // An added default egress rule is put right by re-running the plan's own revoke step.
                .filter(item -> item.kind() == DriftKind.RULE_ADDED && item.repairActionIds().isEmpty()
                        && item.rule() != null)
                .map(item -> new ExtraRule(item.resourceId(), item.rule().direction(), item.rule().protocol(),
                        item.rule().fromPort(), item.rule().toPort(), item.rule().peer()))
                .toList();
        var run = provisioning.repair(id, drift.repairActionIds(), extra);
        RepairResult result = new RepairResult(drift, extra, run.orElse(null));
        return run.isPresent()
                ? ResponseEntity.accepted().location(java.net.URI.create("/api/topologies/" + id + "/runs/"
                        + run.get().id())).body(result)
                : ResponseEntity.ok(result);
    }

    @Operation(summary = "Drift of an applied topology", description = "Scans the topology's region now and lists "
            + "every difference from the plan (resources found by their natconsole:* tags), with the plan actions a "
            + "repair would re-apply. status is NOT_APPLIED when nothing carries the topology's tag.")
    @GetMapping("/api/topologies/{id}/drift")
    DriftReport drift(@PathVariable long id) {
        try {
            return inventory.drift(id);
        } catch (AwsServiceException e) {
            throw new TargetUnreachableException("The target refused the scan: " + (e.awsErrorDetails() == null
                    ? e.getMessage() : e.awsErrorDetails().errorCode() + " " + e.awsErrorDetails().errorMessage()), e);
        } catch (SdkClientException e) {
            throw new TargetUnreachableException("The target could not be reached: " + e.getMessage(), e);
        }
    }

    @ExceptionHandler(TargetUnreachableException.class)
    ProblemDetail unreachable(TargetUnreachableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("Target unreachable");
        return problem;
    }
}

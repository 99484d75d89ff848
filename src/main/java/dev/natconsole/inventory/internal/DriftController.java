package dev.natconsole.inventory.internal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.natconsole.inventory.DriftReport;
import dev.natconsole.inventory.Inventory;
import dev.natconsole.inventory.RepairResult;
import dev.natconsole.target.TargetUnreachableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

@Tag(name = "Drift", description = "A managed topology's plan against what its target holds")
@RestController
class DriftController {

    private final Inventory inventory;

    DriftController(Inventory inventory) {
        this.inventory = inventory;
    }

    @Operation(summary = "Drift of an applied topology", description = "Scans the topology's region now and lists "
            + "every difference from the plan (resources found by their natconsole:* tags), with the plan actions a "
            + "repair would re-apply. status is NOT_APPLIED when nothing carries the topology's tag.")
    @GetMapping("/api/topologies/{id}/drift")
    DriftReport drift(@PathVariable long id) {
        return scanning(() -> inventory.drift(id));
    }

    @Operation(summary = "Repair drift", description = "Checks drift now, revokes security group rules added "
            + "behind the console's back, and re-applies only the drifted plan actions through the provisioning "
            + "engine (202 with the run). 200 when there was nothing to repair.")
    @PostMapping("/api/topologies/{id}/repair")
    ResponseEntity<RepairResult> repair(@PathVariable long id) {
        RepairResult result = scanning(() -> inventory.repair(id));
        return result.run() != null
                ? ResponseEntity.accepted().location(java.net.URI.create("/api/topologies/" + id + "/runs/"
                        + result.run().id())).body(result)
                : ResponseEntity.ok(result);
    }

    /** AWS failures while scanning mean the target cannot be read: a 502, not a 500. */
    private static <T> T scanning(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            throw new TargetUnreachableException("The target refused the scan: " + (e.awsErrorDetails() == null
                    ? e.getMessage() : e.awsErrorDetails().errorCode() + " " + e.awsErrorDetails().errorMessage()), e);
        } catch (SdkClientException e) {
            throw new TargetUnreachableException("The target could not be reached: " + e.getMessage(), e);
        }
    }

}

/**
 * Applies topologies to AWS and takes them down again: every step of the seed's manual procedure (STEPS.md
 * 1–15) through the target's SDK clients, safe to retry and to resume after a crash.
 *
 * <p>API for other modules and the UI: {@link dev.natconsole.provisioning.Provisioning} (apply, destroy, resume,
 * runs, run, follow, status, outputs), the records it returns ({@link dev.natconsole.provisioning.RunView},
 * {@link dev.natconsole.provisioning.StepView}, {@link dev.natconsole.provisioning.RunSummary},
 * {@link dev.natconsole.provisioning.ProvisioningOutputs}, {@link dev.natconsole.provisioning.TopologyStatus})
 * and the event {@link dev.natconsole.provisioning.RunFinished}, published when a run ends.
 *
 * <p>Inside ({@code internal}): a run stores the steps it executes (its plan snapshot) and a record per step;
 * {@code ProvisioningEngine} runs them with a {@code DagScheduler} on a bounded pool, one {@code StepHandler}
 * per {@link dev.natconsole.topology.ActionKind}; resources are tagged {@code Name}, {@code natconsole:topology},
 * {@code natconsole:logical-id} and {@code natconsole:managed} at creation and recorded in
 * {@code provisioned_resource}; a run that may find leftovers first looks up what is tagged with the topology
 * and adopts it. A destroy undoes the applied steps in reverse dependency order, then sweeps tagged leftovers.
 */
package dev.natconsole.provisioning;

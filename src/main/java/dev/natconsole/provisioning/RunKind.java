package dev.natconsole.provisioning;

/** What a provisioning run does to a topology's AWS resources. */
public enum RunKind {
    /** Creates (or adopts) every resource of the topology's plan. */
    APPLY,
    /** Deletes them in reverse dependency order, then sweeps anything still tagged with the topology. */
    DESTROY
}

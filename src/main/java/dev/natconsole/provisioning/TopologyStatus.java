package dev.natconsole.provisioning;

/** Where a topology stands in AWS, from its latest run: what a dashboard shows beside it. */
public enum TopologyStatus {
    /** Never applied. */
    DRAFT,
    /** An apply run is going. */
    APPLYING,
    /** The latest apply succeeded. */
    APPLIED,
    /** The latest run failed or was interrupted: some resources may exist; resume it or destroy. */
    FAILED,
    /** A destroy run is going. */
    DESTROYING,
    /** The latest destroy succeeded: nothing tagged with the topology is left. */
    DESTROYED
}

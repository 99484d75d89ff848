package dev.natconsole.topology;

/**
 * An instance type the console offers for NAT instances, with the network figures that decide whether it can
 * carry the expected traffic. Burstable types run at {@code baselineMbps} once their burst credits are spent.
 */
public record InstanceType(String name, Architecture architecture, int vcpus, double memoryGib,
        int baselineMbps, int burstMbps, boolean burstable) {

    /** Whether the expected steady traffic fits the baseline bandwidth (the rate that holds after bursting). */
    public boolean baselineCarries(double megabitsPerSecond) {
        return megabitsPerSecond <= baselineMbps;
    }
}

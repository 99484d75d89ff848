package dev.natconsole.topology;

/** How private subnets reach the internet. */
public enum NatLayout {
    /** One NAT instance in each AZ's public subnet; an AZ failure takes down only that AZ's egress. */
    NAT_INSTANCE_PER_AZ,
    /** One NAT instance (in the first AZ) serving every AZ: cheapest, a single point of failure, inter-AZ fees. */
    SHARED_NAT_INSTANCE,
    /** The managed NAT Gateway in each AZ: the comparison baseline. */
    NAT_GATEWAY_PER_AZ;

    public boolean usesInstances() {
        return this != NAT_GATEWAY_PER_AZ;
    }
}

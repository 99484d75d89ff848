package dev.natconsole.inventory;

/** A subnet whose default route goes through a NAT, and the route table that sends it there. */
public record ServedSubnet(String subnetId, String name, String cidr, String availabilityZone, String routeTableId) {
}

package dev.natconsole.topology;

/** One availability zone of a topology with its public and private subnet blocks. */
public record ZoneSubnets(String name, String publicSubnetCidr, String privateSubnetCidr) {
}

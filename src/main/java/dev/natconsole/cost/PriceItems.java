package dev.natconsole.cost;

import java.util.List;

import dev.natconsole.topology.InstanceType;
import dev.natconsole.topology.InstanceTypes;

/** The names of the figures a price catalog holds per region. */
public final class PriceItems {

    /** USD per NAT Gateway-hour. */
    public static final String NAT_GATEWAY_HOUR = "natGateway.hour";
    /** USD per GB a NAT Gateway processes (both directions count). */
    public static final String NAT_GATEWAY_GB = "natGateway.gb";
    /** USD per public IPv4 address-hour, in use or idle. */
    public static final String PUBLIC_IPV4_HOUR = "publicIpv4.hour";
    /** USD per GB-month of gp3 storage. */
    public static final String GP3_GB_MONTH = "ebs.gp3.gbMonth";
    /** USD per GB between availability zones, charged in each direction. */
    public static final String INTER_AZ_GB = "interAz.gb";

    private PriceItems() {
    }

    /** USD per instance-hour of an on-demand Linux instance in shared tenancy. */
    public static String ec2Hour(String instanceType) {
        return "ec2." + instanceType + ".hour";
    }

    /** Every item a complete catalog region has: the fixed ones and one per instance type the wizard offers. */
    public static List<String> all() {
        var items = new java.util.ArrayList<>(
                List.of(NAT_GATEWAY_HOUR, NAT_GATEWAY_GB, PUBLIC_IPV4_HOUR, GP3_GB_MONTH, INTER_AZ_GB));
        InstanceTypes.all().stream().map(InstanceType::name).map(PriceItems::ec2Hour).forEach(items::add);
        return List.copyOf(items);
    }
}

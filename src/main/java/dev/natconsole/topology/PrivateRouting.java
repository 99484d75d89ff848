package dev.natconsole.topology;

/** Which route table carries the private subnets' default route. */
public enum PrivateRouting {
    /** A private route table per AZ, associated with that AZ's private subnet. */
    ROUTE_TABLE_PER_AZ,
    /**
     * The seed article's layout: the VPC's main route table (tagged) serves every private subnet implicitly.
     * Only meaningful with one shared NAT instance, since one table has one default route.
     */
    MAIN_ROUTE_TABLE
}

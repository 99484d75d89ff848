package dev.natconsole.topology;

/**
 * The kinds of step a plan is made of, each one AWS call (or one call and its waiter). The parameters each
 * kind reads from {@link PlanAction#params()} are listed here; a parameter whose name is a resource
 * ({@code vpc}, {@code subnet}, {@code routeTable}, {@code internetGateway}, {@code securityGroup},
 * {@code sourceSecurityGroup}, {@code instance}, {@code allocation}, {@code natGateway}) holds the logical id
 * of the action that creates that resource.
 */
public enum ActionKind {
    /** {@code cidr}. */
    CREATE_VPC,
    /** {@code vpc}. */
    ENABLE_VPC_DNS_HOSTNAMES,
    /** {@code vpc}, {@code cidr}, {@code availabilityZone}, {@code tier} (public or private). */
    CREATE_SUBNET,
    /** No parameters. */
    CREATE_INTERNET_GATEWAY,
    /** {@code internetGateway}, {@code vpc}. */
    ATTACH_INTERNET_GATEWAY,
    /** {@code vpc}, {@code tier}. */
    CREATE_ROUTE_TABLE,
    /** {@code vpc}: find the VPC's main route table and tag it, as the seed does for its private routes. */
    ADOPT_MAIN_ROUTE_TABLE,
    /** {@code routeTable}, {@code subnet}. */
    ASSOCIATE_ROUTE_TABLE,
    /** {@code routeTable}, {@code destination}, and one of {@code internetGateway}, {@code instance}, {@code natGateway}. */
    CREATE_ROUTE,
    /** {@code vpc}, {@code groupName}, {@code description}. */
    CREATE_SECURITY_GROUP,
    /** {@code securityGroup}: drop the allow-all egress rule AWS adds to every new group. */
    REVOKE_DEFAULT_EGRESS,
    /** {@code securityGroup}, {@code protocol} (tcp, udp, icmp), {@code fromPort}, {@code toPort}, {@code cidr} or {@code sourceSecurityGroup}, {@code description}. */
    AUTHORIZE_INGRESS,
    /** Like {@link #AUTHORIZE_INGRESS}, for outbound traffic. */
    AUTHORIZE_EGRESS,
    /** {@code role} (nat or test-server), {@code subnet}, {@code securityGroup}, {@code instanceType}, {@code architecture}, {@code image}, optional {@code amiId}, {@code keyName}, {@code userData}, {@code publicIp}. */
    RUN_INSTANCE,
    /** No parameters: an Elastic IP in the VPC domain. */
    ALLOCATE_ELASTIC_IP,
    /** {@code allocation}, {@code instance}. */
    ASSOCIATE_ELASTIC_IP,
    /** {@code instance}. */
    DISABLE_SOURCE_DEST_CHECK,
    /** {@code subnet}, {@code allocation}. */
    CREATE_NAT_GATEWAY,
    /** {@code vpc}, {@code logGroupName}, {@code deliverLogsPermissionArn}, {@code trafficType}. */
    CREATE_FLOW_LOGS
}

package dev.natconsole.provisioning.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * Which of some tagged resource ids still exist. DescribeTags also names resources that are gone: terminated
 * instances (AWS keeps them for a while) and, on moto, anything deleted. Adopting one of those would make the
 * next step fail, so candidates are checked with one filtered describe per resource type present.
 */
final class LiveResources {

    private static final int CHUNK = 100;

    private LiveResources() {
    }

    static Set<String> of(Ec2Client ec2, Set<String> ids) {
        Map<String, List<String>> byPrefix = ids.stream()
                .collect(Collectors.groupingBy(id -> id.substring(0, id.indexOf('-') + 1)));
        Set<String> live = new HashSet<>();
        byPrefix.forEach((prefix, all) -> {
            for (int i = 0; i < all.size(); i += CHUNK) {
                List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
                live.addAll(existing(ec2, prefix, chunk));
            }
        });
        return live;
    }

    private static List<String> existing(Ec2Client ec2, String prefix, List<String> ids) {
        Filter.Builder filter = Filter.builder().values(ids);
        List<String> found = new ArrayList<>();
        switch (prefix) {
            case "vpc-" -> ec2.describeVpcsPaginator(r -> r.filters(filter.name("vpc-id").build())).vpcs()
                    .forEach(vpc -> found.add(vpc.vpcId()));
            case "subnet-" -> ec2.describeSubnetsPaginator(r -> r.filters(filter.name("subnet-id").build()))
                    .subnets().forEach(subnet -> found.add(subnet.subnetId()));
            case "igw-" -> ec2.describeInternetGatewaysPaginator(r -> r.filters(filter.name("internet-gateway-id")
                    .build())).internetGateways().forEach(igw -> found.add(igw.internetGatewayId()));
            case "rtb-" -> ec2.describeRouteTablesPaginator(r -> r.filters(filter.name("route-table-id").build()))
                    .routeTables().forEach(table -> found.add(table.routeTableId()));
            case "sg-" -> ec2.describeSecurityGroupsPaginator(r -> r.filters(filter.name("group-id").build()))
                    .securityGroups().forEach(group -> found.add(group.groupId()));
            case "eipalloc-" -> ec2.describeAddresses(r -> r.filters(filter.name("allocation-id").build()))
                    .addresses().forEach(address -> found.add(address.allocationId()));
            case "i-" -> ec2.describeInstancesPaginator(r -> r.filters(filter.name("instance-id").build(),
                    Filter.builder().name("instance-state-name").values("pending", "running", "stopping", "stopped")
                            .build()))
                    .reservations().forEach(reservation -> reservation.instances()
                            .forEach(instance -> found.add(instance.instanceId())));
            case "nat-" -> ec2.describeNatGatewaysPaginator(r -> r.filter(filter.name("nat-gateway-id").build()))
                    .natGateways().stream()
                    .filter(gateway -> List.of("pending", "available").contains(gateway.stateAsString()))
                    .forEach(gateway -> found.add(gateway.natGatewayId()));
            case "fl-" -> ec2.describeFlowLogsPaginator(r -> r.filter(filter.name("flow-log-id").build()))
                    .flowLogs().forEach(flowLog -> found.add(flowLog.flowLogId()));
            default -> {
                // volumes, network interfaces: never adopted
            }
        }
        return found;
    }
}

package dev.natconsole.inventory;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Service;

import dev.natconsole.cost.CostEstimate;
import dev.natconsole.cost.CostEstimator;
import dev.natconsole.cost.Traffic;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.shared.NotFoundException;
import dev.natconsole.topology.InstanceTypes;
import dev.natconsole.topology.NatInstanceSpec;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.PrivateRouting;
import dev.natconsole.topology.TopologyOptions;
import dev.natconsole.topology.TopologySpec;
import dev.natconsole.topology.ZoneSubnets;

/**
 * Monthly cost of discovered NAT paths through the cost model: a NAT instance against the NAT Gateway that
 * would replace it in its AZ, and a NAT Gateway against a NAT instance (the default type) that could replace it.
 */
@Service
public class InventoryCosts {

    private final Inventory inventory;
    private final CostEstimator estimator;

    InventoryCosts(Inventory inventory, CostEstimator estimator) {
        this.inventory = inventory;
        this.estimator = estimator;
    }

    public NatCostHint forInstance(String natInstanceId, BigDecimal trafficGb) {
        NatInstance nat = inventory.natInstance(natInstanceId, null);
        if (InstanceTypes.find(nat.instanceType()).isEmpty()) {
            return new NatCostHint(nat.id(), "nat-instance", nat.instanceType(), gb(trafficGb), null, null, null,
                    "NAT Gateway", List.of("EC2 " + nat.instanceType() + " (not in the price catalog)"), List.of());
        }
        CostEstimate estimate = estimate(nat.region(), nat.availabilityZone(), nat.instanceType(),
                NatLayout.NAT_INSTANCE_PER_AZ, trafficGb);
        return new NatCostHint(nat.id(), "nat-instance", nat.instanceType(), gb(trafficGb),
                estimate.natInstances().totalUsd(), estimate.natGateways().totalUsd(), estimate.savingsUsd(),
                "NAT Gateway", estimate.unknownLines(), estimate.notes());
    }

    public NatCostHint forGateway(String natGatewayId, BigDecimal trafficGb) {
        NatGateway gateway = inventory.natGateways(InventoryQuery.all()).stream()
                .filter(candidate -> candidate.id().equals(natGatewayId)).findFirst()
                .orElseThrow(() -> new NotFoundException("NAT Gateway", natGatewayId));
        CostEstimate estimate = estimate(gateway.region(), gateway.availabilityZone(), InstanceTypes.DEFAULT,
                NatLayout.NAT_GATEWAY_PER_AZ, trafficGb);
        return new NatCostHint(gateway.id(), "nat-gateway", InstanceTypes.DEFAULT, gb(trafficGb),
                estimate.natGateways().totalUsd(), estimate.natInstances().totalUsd(), estimate.savingsUsd(),
                "NAT instance " + InstanceTypes.DEFAULT, estimate.unknownLines(), estimate.notes());
    }

    private CostEstimate estimate(String region, String zone, String instanceType, NatLayout layout,
            BigDecimal trafficGb) {
        // Only the region, zone count, layout and type matter to the cost model; the blocks are placeholders.
        TopologySpec spec = new TopologySpec("discovered", null, region, "10.0.0.0/16",
                List.of(new ZoneSubnets(zone, "10.0.0.0/24", "10.0.1.0/24")), layout,
                PrivateRouting.ROUTE_TABLE_PER_AZ, new NatInstanceSpec(instanceType,
                        dev.natconsole.topology.ImageChoice.AMAZON_LINUX_2023, null, null, false, null),
                TopologyOptions.none());
        return estimator.estimate(spec, Traffic.ofGb(gb(trafficGb)));
    }

    private static BigDecimal gb(BigDecimal trafficGb) {
        if (trafficGb != null && trafficGb.signum() < 0) {
            throw new InvalidInputException("gb", "must not be negative");
        }
        return trafficGb == null ? BigDecimal.ZERO : trafficGb;
    }
}

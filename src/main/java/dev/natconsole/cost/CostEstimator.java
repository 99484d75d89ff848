package dev.natconsole.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import dev.natconsole.cost.internal.CostModel;
import dev.natconsole.cost.internal.CostProperties;
import dev.natconsole.shared.FieldProblem;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.shared.Regions;
import dev.natconsole.topology.InstanceTypes;
import dev.natconsole.topology.Topologies;
import dev.natconsole.topology.TopologyDefaults;
import dev.natconsole.topology.TopologySpec;
import dev.natconsole.topology.ZoneSubnets;

/**
 * The monthly cost of a topology's NAT as NAT instances against NAT Gateways, with the break-even traffic and
 * the amounts in a second currency. Input is checked here and refused with field names the wizard uses:
 * {@code region}, {@code nat.instanceType}, {@code availabilityZones}, {@code trafficGb},
 * {@code trafficGbPerAz.<zone>}, {@code currency}, {@code rate}.
 */
@Service
public class CostEstimator {

    /** As many AZs as a topology may have (TopologyValidator's limit). */
    static final int MAX_ZONES = 6;

    private final PriceCatalog catalog;
    private final Topologies topologies;
    private final CostProperties properties;

    CostEstimator(PriceCatalog catalog, Topologies topologies, CostProperties properties) {
        this.catalog = catalog;
        this.topologies = topologies;
        this.properties = properties;
    }

    /** A spec as the wizard has it (missing parts take their defaults) against the configured second currency. */
    public CostEstimate estimate(TopologySpec spec, Traffic traffic) {
        return estimate(spec, traffic, defaultCurrency());
    }

    public CostEstimate estimate(TopologySpec spec, Traffic traffic, SecondCurrency currency) {
        TopologySpec complete = TopologyDefaults.complete(spec);
        List<FieldProblem> problems = new ArrayList<>();
        problems.addAll(specProblems(complete));
        problems.addAll(trafficProblems(complete, traffic));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return CostModel.estimate(catalog.sheet(complete.region()), complete, traffic, currency);
    }

    /** A stored topology (404 when it does not exist). */
    public CostEstimate estimate(long topologyId, Traffic traffic) {
        return estimate(topologyId, traffic, defaultCurrency());
    }

    public CostEstimate estimate(long topologyId, Traffic traffic, SecondCurrency currency) {
        return estimate(topologies.get(topologyId).spec(), traffic, currency);
    }

    /** The configured second currency ({@code natconsole.cost.currency}, {@code natconsole.cost.rate}). */
    public SecondCurrency defaultCurrency() {
        return currency(null, null);
    }

    /** A second currency with the configured defaults for what is null; a bad code or rate is a 400. */
    public SecondCurrency currency(String code, BigDecimal rate) {
        String chosen = code == null || code.isBlank() ? properties.currency() : code.trim().toUpperCase();
        BigDecimal perUsd = rate == null ? properties.rate() : rate;
        List<FieldProblem> problems = new ArrayList<>();
        try {
            Currency.getInstance(chosen);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(new FieldProblem("currency", "'" + chosen + "' is not an ISO 4217 currency code"));
        }
        if (perUsd == null || perUsd.signum() <= 0) {
            problems.add(new FieldProblem("rate", "must be a positive number of " + chosen + " per USD"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new SecondCurrency(chosen, perUsd);
    }

    private static List<FieldProblem> specProblems(TopologySpec spec) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!Regions.isKnown(spec.region())) {
            problems.add(new FieldProblem("region", "'" + spec.region() + "' is not an AWS region"));
        }
        if (InstanceTypes.find(spec.nat().instanceType()).isEmpty()) {
            problems.add(new FieldProblem("nat.instanceType", "'" + spec.nat().instanceType()
                    + "' is not an instance type the console offers ("
                    + InstanceTypes.all().stream().map(type -> type.name()).collect(Collectors.joining(", ")) + ")"));
        }
        int zones = spec.availabilityZones().size();
        if (zones < 1 || zones > MAX_ZONES) {
            problems.add(new FieldProblem("availabilityZones",
                    "must list 1 to " + MAX_ZONES + " availability zones, not " + zones));
        }
        return problems;
    }

    private static List<FieldProblem> trafficProblems(TopologySpec spec, Traffic traffic) {
        List<FieldProblem> problems = new ArrayList<>();
        if (traffic == null || traffic.totalGb() == null) {
            problems.add(new FieldProblem("trafficGb", "is required (GB per month, 0 or more)"));
            return problems;
        }
        if (traffic.totalGb().signum() < 0) {
            problems.add(new FieldProblem("trafficGb", "must not be negative"));
        }
        if (traffic.split()) {
            Set<String> zones = spec.availabilityZones().stream().map(ZoneSubnets::name).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            BigDecimal sum = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> entry : traffic.perAzGb().entrySet()) {
                String field = "trafficGbPerAz." + entry.getKey();
                if (!zones.contains(entry.getKey())) {
                    problems.add(new FieldProblem(field, "'" + entry.getKey()
                            + "' is not an availability zone of this topology"));
                }
                if (entry.getValue() == null) {
                    problems.add(new FieldProblem(field, "is required (GB per month, 0 or more)"));
                } else if (entry.getValue().signum() < 0) {
                    problems.add(new FieldProblem(field, "must not be negative"));
                } else {
                    sum = sum.add(entry.getValue());
                }
            }
            if (problems.isEmpty() && sum.compareTo(traffic.totalGb()) != 0) {
                problems.add(new FieldProblem("trafficGb", "must equal the sum of trafficGbPerAz (" 
                        + sum.toPlainString() + ") or be left out"));
            }
        }
        return problems;
    }
}

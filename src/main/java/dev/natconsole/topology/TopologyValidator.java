package dev.natconsole.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.natconsole.shared.FieldProblem;
import dev.natconsole.shared.Regions;

/**
 * Checks a (defaults-completed) topology design against AWS's limits and the console's safety rules. Plain
 * Java so that the API, the wizard and tests share one set of rules; the only outside fact it needs, the AZs a
 * target actually has, comes in through a {@link ZoneLookup}.
 */
public final class TopologyValidator {

    /** The AZ names the target reports for a region, or empty when the target cannot be reached. */
    @FunctionalInterface
    public interface ZoneLookup {
        Optional<List<String>> zones(String region);

        static ZoneLookup unavailable() {
            return region -> Optional.empty();
        }
    }

    public static final int MIN_ZONES = 1;
    public static final int MAX_ZONES = 6;
    /** AWS accepts VPC blocks from /16 to /28 and subnets no smaller than /28. */
    public static final int LARGEST_VPC_PREFIX = 16;
    public static final int SMALLEST_PREFIX = 28;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern AMI_ID = Pattern.compile("ami-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern KEY_NAME = Pattern.compile("[\\x20-\\x7E]{1,255}");

    private static FieldProblem cidrProblem(String field, String value) {
        Cidr.Diagnosis diagnosis = Cidr.diagnose(value);
        return FieldProblem.of(field, diagnosis.code(), diagnosis.message(), diagnosis.args().toArray());
    }

    public ValidationReport validate(TopologySpec spec, ZoneLookup zoneLookup) {
        List<FieldProblem> errors = new ArrayList<>();
        List<FieldProblem> warnings = new ArrayList<>();

        if (spec.name() == null || spec.name().isBlank()) {
            errors.add(FieldProblem.of("name", "validation.required", "is required"));
        } else if (!NAME.matcher(spec.name()).matches()) {
            errors.add(FieldProblem.of("name", "validation.name",
                    "must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }

        boolean regionKnown = Regions.isKnown(spec.region());
        if (!regionKnown) {
            errors.add(FieldProblem.of("region", "validation.region", "'" + spec.region() + "' is not an AWS region",
                    String.valueOf(spec.region())));
        }

        Optional<Cidr> vpc = Cidr.parse(spec.vpcCidr());
        if (vpc.isEmpty()) {
            errors.add(cidrProblem("vpcCidr", spec.vpcCidr()));
        } else if (vpc.get().prefix() < LARGEST_VPC_PREFIX || vpc.get().prefix() > SMALLEST_PREFIX) {
            errors.add(FieldProblem.of("vpcCidr", "validation.vpc.size",
                    "must be between /16 and /28 (AWS's limits), not /" + vpc.get().prefix(), vpc.get().prefix()));
        } else if (!vpc.get().isPrivate()) {
            warnings.add(FieldProblem.of("vpcCidr", "validation.vpc.public", "is outside the RFC 1918 private ranges"
                    + " (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16); public addresses in a VPC shadow real hosts"));
        }

        validateZones(spec, vpc.filter(v -> v.prefix() >= LARGEST_VPC_PREFIX), regionKnown, zoneLookup, errors,
                warnings);
        validateNat(spec, errors, warnings);
        validateOptions(spec, errors);
        return new ValidationReport(List.copyOf(errors), List.copyOf(warnings));
    }

    private void validateZones(TopologySpec spec, Optional<Cidr> vpc, boolean regionKnown, ZoneLookup zoneLookup,
            List<FieldProblem> errors, List<FieldProblem> warnings) {
        List<ZoneSubnets> zones = spec.availabilityZones();
        if (zones.size() < MIN_ZONES || zones.size() > MAX_ZONES) {
            errors.add(FieldProblem.of("availabilityZones", "validation.zones.count",
                    "must list 1 to 6 availability zones, not " + zones.size(), zones.size()));
            if (zones.isEmpty()) {
                return;
            }
        }
        Optional<List<String>> targetZones = regionKnown ? zoneLookup.zones(spec.region()) : Optional.empty();
        if (regionKnown && targetZones.isEmpty()) {
            warnings.add(FieldProblem.of("availabilityZones", "validation.zones.unchecked",
                    "could not be checked against the target (no target, or it is unreachable)"));
        }
        Set<String> seenZones = new HashSet<>();
        Map<Cidr, String> seenBlocks = new HashMap<>();
        for (int i = 0; i < zones.size(); i++) {
            ZoneSubnets zone = zones.get(i);
            String path = "availabilityZones[" + i + "]";
            if (zone.name() == null || zone.name().isBlank()) {
                errors.add(FieldProblem.of(path + ".name", "validation.required", "is required"));
            } else if (!seenZones.add(zone.name())) {
                errors.add(FieldProblem.of(path + ".name", "validation.zones.twice", zone.name() + " is listed twice",
                        zone.name()));
            } else if (regionKnown && targetZones.isPresent() && !targetZones.get().contains(zone.name())) {
                errors.add(FieldProblem.of(path + ".name", "validation.zones.notInTarget", zone.name()
                        + " is not an availability zone of " + spec.region() + " (the target has "
                        + String.join(", ", targetZones.get()) + ")", zone.name(), spec.region(),
                        String.join(", ", targetZones.get())));
            } else if (regionKnown && !Regions.zoneNameFits(spec.region(), zone.name())) {
                errors.add(FieldProblem.of(path + ".name", "validation.zones.notInRegion",
                        zone.name() + " is not an availability zone of " + spec.region(), zone.name(), spec.region()));
            }
            validateSubnet(path + ".publicSubnetCidr", zone.publicSubnetCidr(), vpc, seenBlocks, errors);
            validateSubnet(path + ".privateSubnetCidr", zone.privateSubnetCidr(), vpc, seenBlocks, errors);
        }
    }

    private void validateSubnet(String field, String value, Optional<Cidr> vpc, Map<Cidr, String> seenBlocks,
            List<FieldProblem> errors) {
        Optional<Cidr> block = Cidr.parse(value);
        if (block.isEmpty()) {
            errors.add(cidrProblem(field, value));
            return;
        }
        if (block.get().prefix() > SMALLEST_PREFIX) {
            errors.add(FieldProblem.of(field, "validation.subnet.tooSmall",
                    "must be /28 or larger (AWS's smallest subnet), not /" + block.get().prefix(), block.get().prefix()));
            return;
        }
        if (vpc.isPresent() && !vpc.get().contains(block.get())) {
            errors.add(FieldProblem.of(field, "validation.subnet.outside", block.get() + " is outside the VPC " + vpc.get(),
                    block.get().toString(), vpc.get().toString()));
            return;
        }
        for (var seen : seenBlocks.entrySet()) {
            if (seen.getKey().overlaps(block.get())) {
                errors.add(FieldProblem.of(field, "validation.subnet.overlaps", block.get() + " overlaps "
                        + seen.getKey() + " (" + seen.getValue() + ")", block.get().toString(), seen.getKey().toString(),
                        seen.getValue()));
                return;
            }
        }
        seenBlocks.put(block.get(), field);
    }

    private void validateNat(TopologySpec spec, List<FieldProblem> errors, List<FieldProblem> warnings) {
        if (spec.privateRouting() == PrivateRouting.MAIN_ROUTE_TABLE
                && spec.natLayout() != NatLayout.SHARED_NAT_INSTANCE) {
            errors.add(FieldProblem.of("privateRouting", "validation.routing.main",
                    "the main route table has one default route, so it only works with a shared NAT instance"));
        }
        NatInstanceSpec nat = spec.nat();
        Optional<InstanceType> type = InstanceTypes.find(nat.instanceType());
        if (type.isEmpty()) {
            errors.add(FieldProblem.of("nat.instanceType", "validation.instanceType", "'" + nat.instanceType()
                    + "' is not an instance type the console offers", String.valueOf(nat.instanceType())));
        }
        switch (nat.image()) {
            case CUSTOM_AMI -> {
                if (nat.amiId() == null) {
                    errors.add(FieldProblem.of("nat.amiId", "validation.ami.required",
                            "is required when the image is a given AMI id"));
                } else if (!AMI_ID.matcher(nat.amiId()).matches()) {
                    errors.add(FieldProblem.of("nat.amiId", "validation.ami.format", "must look like ami-0123456789abcdef0"));
                }
            }
            case LEGACY_AMZN_AMI_VPC_NAT -> {
                warnings.add(FieldProblem.of("nat.image", "validation.image.endOfLife", "amzn-ami-vpc-nat is end-of-life"
                        + " (Amazon Linux AMI 2018.03, support ended 2023-12-31); prefer Amazon Linux 2023 or fck-nat"));
                if (type.isPresent() && type.get().architecture() != Architecture.X86_64) {
                    errors.add(FieldProblem.of("nat.instanceType", "validation.image.legacyArch",
                            "the legacy NAT AMI exists only for x86_64; pick a t3 or t3a type"));
                }
            }
            default -> {
            }
        }
        if (nat.sshAdminCidr() != null) {
            Optional<Cidr> ssh = Cidr.parse(nat.sshAdminCidr());
            if (ssh.isEmpty()) {
                errors.add(cidrProblem("nat.sshAdminCidr", nat.sshAdminCidr()));
            } else if (ssh.get().prefix() == 0 && !nat.sshOpenToWorldConfirmed()) {
                errors.add(FieldProblem.of("nat.sshAdminCidr", "validation.ssh.world", "0.0.0.0/0 opens SSH to the"
                        + " whole internet; give your network's block, or confirm with nat.sshOpenToWorldConfirmed"));
            } else if (ssh.get().prefix() == 0) {
                warnings.add(FieldProblem.of("nat.sshAdminCidr", "validation.ssh.open", "SSH is open to the whole internet"));
            }
        }
        if (nat.keyPairName() != null && !KEY_NAME.matcher(nat.keyPairName()).matches()) {
            errors.add(FieldProblem.of("nat.keyPairName", "validation.keyPair", "must be 1 to 255 printable ASCII characters"));
        }
        if (spec.natLayout() == NatLayout.SHARED_NAT_INSTANCE && spec.availabilityZones().size() > 1) {
            warnings.add(FieldProblem.of("natLayout", "validation.layout.shared", "one NAT instance for "
                    + spec.availabilityZones().size() + " AZs is a single point of failure and adds inter-AZ data charges",
                    spec.availabilityZones().size()));
        }
    }

    private void validateOptions(TopologySpec spec, List<FieldProblem> errors) {
        TopologyOptions options = spec.options();
        if (options.flowLogs()) {
            if (options.flowLogsRoleArn() == null) {
                errors.add(FieldProblem.of("options.flowLogsRoleArn", "validation.flowLogs.role",
                        "is required for flow logs: CloudWatch Logs delivery needs an IAM role"));
            } else if (!ROLE_ARN.matcher(options.flowLogsRoleArn()).matches()) {
                errors.add(FieldProblem.of("options.flowLogsRoleArn", "validation.flowLogs.roleFormat",
                        "must be an IAM role ARN such as arn:aws:iam::123456789012:role/flow-logs"));
            }
        }
    }
}

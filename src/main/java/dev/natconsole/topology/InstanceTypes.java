package dev.natconsole.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance types offered for NAT instances. Bandwidth figures are AWS's published "baseline / burst"
 * network performance per type (EC2 User Guide, network performance of general purpose and compute
 * optimized instances). Every type here has fewer than 32 vCPUs, so traffic to the internet is also capped at
 * 5 Gbit/s whatever the burst figure says.
 */
public final class InstanceTypes {

    public static final String DEFAULT = "t4g.nano";

    /** AWS caps internet-bound traffic of instances under 32 vCPUs at this rate. */
    public static final int INTERNET_CAP_MBPS = 5_000;

    private static final Map<String, InstanceType> TYPES = new LinkedHashMap<>();

    static {
        add("t4g.nano", Architecture.ARM64, 2, 0.5, 32, 5_000, true);
        add("t4g.micro", Architecture.ARM64, 2, 1, 64, 5_000, true);
        add("t4g.small", Architecture.ARM64, 2, 2, 128, 5_000, true);
        add("t4g.medium", Architecture.ARM64, 2, 4, 256, 5_000, true);
        add("t3.nano", Architecture.X86_64, 2, 0.5, 32, 5_000, true);
        add("t3.micro", Architecture.X86_64, 2, 1, 64, 5_000, true);
        add("t3.small", Architecture.X86_64, 2, 2, 128, 5_000, true);
        add("t3.medium", Architecture.X86_64, 2, 4, 256, 5_000, true);
        add("t3a.nano", Architecture.X86_64, 2, 0.5, 32, 5_000, true);
        add("t3a.micro", Architecture.X86_64, 2, 1, 64, 5_000, true);
        add("t3a.small", Architecture.X86_64, 2, 2, 128, 5_000, true);
        add("c6gn.medium", Architecture.ARM64, 1, 2, 1_600, 16_000, false);
        add("c6gn.large", Architecture.ARM64, 2, 4, 3_000, 25_000, false);
        add("c7gn.medium", Architecture.ARM64, 1, 2, 3_125, 25_000, false);
    }

    private InstanceTypes() {
    }

    private static void add(String name, Architecture arch, int vcpus, double memory, int baseline, int burst,
            boolean burstable) {
        TYPES.put(name, new InstanceType(name, arch, vcpus, memory, baseline, burst, burstable));
    }

    public static Optional<InstanceType> find(String name) {
        return Optional.ofNullable(name == null ? null : TYPES.get(name));
    }

    public static InstanceType get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown instance type " + name));
    }

    public static List<InstanceType> all() {
        return List.copyOf(TYPES.values());
    }
}

package dev.natconsole.provisioning.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.natconsole.provisioning.RunKind;
import dev.natconsole.provisioning.internal.RunStore.Resource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The state one run shares between its steps: the topology, the clients, the provisioned resources (logical id
 * to AWS id, written through to the database as steps finish), what a tag look-up found, and a per-run cache of
 * image ids so that N NAT instances cost one image look-up.
 */
public final class RunContext {

    private final long runId;
    private final RunKind kind;
    private final long topologyId;
    private final String topologyName;
    private final Ec2Client ec2;
    private final SsmClient ssm;
    private final Map<String, Resource> resources;
    private volatile Map<String, List<String>> tagged = Map.of();
    private final Map<String, String> images = new ConcurrentHashMap<>();

    public RunContext(long runId, RunKind kind, long topologyId, String topologyName, Ec2Client ec2, SsmClient ssm,
            Map<String, Resource> resources) {
        this.runId = runId;
        this.kind = kind;
        this.topologyId = topologyId;
        this.topologyName = topologyName;
        this.ec2 = ec2;
        this.ssm = ssm;
        this.resources = new ConcurrentHashMap<>(resources);
    }

    public long runId() {
        return runId;
    }

    public RunKind kind() {
        return kind;
    }

    public long topologyId() {
        return topologyId;
    }

    public String topologyName() {
        return topologyName;
    }

    public Ec2Client ec2() {
        return ec2;
    }

    public SsmClient ssm() {
        return ssm;
    }

    public Map<String, Resource> resources() {
        return resources;
    }

    public Map<String, List<String>> tagged() {
        return tagged;
    }

    void tagged(Map<String, List<String>> tagged) {
        this.tagged = Map.copyOf(tagged);
    }

    /** The image id for {@code key}, looked up once per run. */
    public String image(String key, Supplier<String> lookup) {
        return images.computeIfAbsent(key, k -> lookup.get());
    }
}

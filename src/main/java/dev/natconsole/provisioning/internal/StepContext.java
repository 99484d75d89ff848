package dev.natconsole.provisioning.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.natconsole.provisioning.internal.RunStore.Resource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Everything a step handler needs: the step, the run's clients, and the AWS ids earlier steps produced. */
public final class StepContext {

    public static final String TAG_TOPOLOGY = "natconsole:topology";
    public static final String TAG_LOGICAL_ID = "natconsole:logical-id";
    public static final String TAG_MANAGED = "natconsole:managed";

    private final RunContext run;
    private final RunStep step;

    StepContext(RunContext run, RunStep step) {
        this.run = run;
        this.step = step;
    }

    public RunStep step() {
        return step;
    }

    public String param(String name) {
        return step.param(name);
    }

    public Ec2Client ec2() {
        return run.ec2();
    }

    public SsmClient ssm() {
        return run.ssm();
    }

    public RunContext run() {
        return run;
    }

    /** The AWS id of the resource that the step's parameter {@code name} names by logical id. */
    public String resolve(String name) {
        String logicalId = step.param(name);
        if (logicalId == null) {
            throw new StepFailure("MissingParameter", "step " + step.id() + " has no parameter " + name);
        }
        Resource resource = run.resources().get(logicalId);
        if (resource == null) {
            throw new StepFailure("DependencyNotProvisioned", "step " + step.id() + " needs " + logicalId
                    + ", which has not been provisioned");
        }
        return resource.awsId();
    }

    /** Like {@link #resolve} but null when the resource is not (or no longer) provisioned. */
    public String resolveIfPresent(String name) {
        String logicalId = step.param(name);
        Resource resource = logicalId == null ? null : run.resources().get(logicalId);
        return resource == null ? null : resource.awsId();
    }

    /** The provisioned resource this step itself made, for a destroy. */
    public Resource own() {
        return run.resources().get(step.id());
    }

    /** Ids of resources tagged with this topology and this step's logical id whose id starts with {@code prefix}. */
    public List<String> adoptable(String prefix) {
        List<String> ids = run.tagged().getOrDefault(step.id(), List.of());
        return ids.stream().filter(id -> id.startsWith(prefix)).toList();
    }

    public List<Tag> tags() {
        return tags(step.id());
    }

    public List<Tag> tags(String logicalId) {
        return List.of(Tag.builder().key("Name").value(run.topologyName() + "-" + logicalId).build(),
                Tag.builder().key(TAG_TOPOLOGY).value(Long.toString(run.topologyId())).build(),
                Tag.builder().key(TAG_LOGICAL_ID).value(logicalId).build(),
                Tag.builder().key(TAG_MANAGED).value("true").build());
    }

    public TagSpecification tagSpec(ResourceType type) {
        return TagSpecification.builder().resourceType(type).tags(tags()).build();
    }

    public List<TagSpecification> tagSpecs(ResourceType... types) {
        List<TagSpecification> specs = new ArrayList<>();
        for (ResourceType type : types) {
            specs.add(tagSpec(type));
        }
        return specs;
    }

    /** Filters that find this topology's resource for this step by tag. */
    public List<Filter> ownTagFilters() {
        return List.of(Filter.builder().name("tag:" + TAG_TOPOLOGY).values(Long.toString(run.topologyId())).build(),
                Filter.builder().name("tag:" + TAG_LOGICAL_ID).values(step.id()).build());
    }

    /**
     * An idempotency token for create calls that take one: the same for every attempt of this step in this run
     * (so a resumed run does not create twice on AWS), different in another run.
     */
    public String clientToken() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((run.topologyId() + ":" + run.runId() + ":"
                    + step.id()).getBytes(StandardCharsets.UTF_8));
            return "natconsole-" + HexFormat.of().formatHex(hash).substring(0, 48);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Resource> resources() {
        return run.resources();
    }
}

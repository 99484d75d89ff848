package dev.natconsole.provisioning.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.natconsole.topology.ActionKind;
import dev.natconsole.topology.ImageChoice;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.LogDestinationType;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TrafficType;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItem;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;

/** NAT instances, Elastic IPs, source/destination check, NAT Gateways and flow logs (STEPS.md 7–9, 11, 15). */
final class InstanceSteps {

    static final String AL2023_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-";
    static final String FCK_NAT_NAME = "fck-nat-al2023-*";
    static final String LEGACY_NAT_NAME = "amzn-ami-vpc-nat-*";

    private InstanceSteps() {
    }

    static List<StepHandler> all() {
        return List.of(new RunInstance(), new AllocateElasticIp(), new AssociateElasticIp(),
                new DisableSourceDestCheck(), new CreateNatGateway(), new CreateFlowLogs());
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    static final class RunInstance implements StepHandler {
        public ActionKind kind() {
            return ActionKind.RUN_INSTANCE;
        }

        public StepOutcome apply(StepContext c) {
            if (!c.adoptable("i-").isEmpty()) {
                Optional<Instance> live = c.ec2().describeInstancesPaginator(r -> r.filters(c.ownTagFilters().get(0),
                        c.ownTagFilters().get(1), filter("instance-state-name", "pending", "running")))
                        .reservations().stream().flatMap(reservation -> reservation.instances().stream())
                        .findFirst();
                if (live.isPresent()) {
                    String id = live.get().instanceId();
                    waitRunning(c, id);
                    return StepOutcome.adopted(id, live.get().privateIpAddress());
                }
            }
            String image = imageId(c);
            boolean publicIp = Boolean.parseBoolean(c.param("publicIp"));
            String subnet = c.resolve("subnet");
            String group = c.resolve("securityGroup");
            String userData = c.param("userData") == null ? null
                    : Base64.getEncoder().encodeToString(c.param("userData").getBytes(StandardCharsets.UTF_8));
            Instance instance = c.ec2().runInstances(r -> r.imageId(image).instanceType(c.param("instanceType"))
                    .minCount(1).maxCount(1).clientToken(c.clientToken()).keyName(c.param("keyName"))
                    .userData(userData)
                    .networkInterfaces(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0)
                            .subnetId(subnet).groups(group).associatePublicIpAddress(publicIp)
                            .deleteOnTermination(true).build())
                    .tagSpecifications(c.tagSpecs(ResourceType.INSTANCE, ResourceType.VOLUME,
                            ResourceType.NETWORK_INTERFACE)))
                    .instances().get(0);
            waitRunning(c, instance.instanceId());
            return StepOutcome.created(instance.instanceId(), instance.privateIpAddress());
        }

        private static void waitRunning(StepContext c, String id) {
            try (Ec2Waiter waiter = c.ec2().waiter()) {
                waiter.waitUntilInstanceRunning(r -> r.instanceIds(id)).matched().exception().ifPresent(e -> {
                    throw new StepFailure("InstanceNotRunning", "instance " + id + " did not reach running: "
                            + e.getMessage());
                });
            }
        }

        /** The image id for the step's image choice, looked up once per run and architecture. */
        static String imageId(StepContext c) {
            ImageChoice choice = ImageChoice.valueOf(c.param("image"));
            String architecture = c.param("architecture");
            return switch (choice) {
                case CUSTOM_AMI -> {
                    if (c.param("amiId") == null) {
                        throw new StepFailure("MissingAmiId", "a custom image needs an AMI id");
                    }
                    yield c.param("amiId");
                }
                case AMAZON_LINUX_2023 -> c.run().image(choice + ":" + architecture, () -> c.ssm()
                        .getParameter(r -> r.name(AL2023_PARAMETER + architecture)).parameter().value());
                case FCK_NAT -> c.run().image(choice + ":" + architecture, () -> newest(c, ImageChoice.FCK_NAT_OWNER,
                        FCK_NAT_NAME, architecture).orElseThrow(() -> new StepFailure("ImageNotFound",
                                "no fck-nat image (owner " + ImageChoice.FCK_NAT_OWNER + ", " + FCK_NAT_NAME + ", "
                                        + architecture + ") is published in this region; pick Amazon Linux 2023 "
                                        + "or a custom AMI")));
                case LEGACY_AMZN_AMI_VPC_NAT -> c.run().image(choice + ":" + architecture, () -> newest(c, "amazon",
                        LEGACY_NAT_NAME, architecture).orElseThrow(() -> new StepFailure("ImageNotFound",
                                "no " + LEGACY_NAT_NAME + " image for " + architecture + " in this region")));
            };
        }

        private static Optional<String> newest(StepContext c, String owner, String name, String architecture) {
            return c.ec2().describeImages(r -> r.owners(owner).filters(filter("name", name),
                    filter("architecture", architecture), filter("state", "available"))).images().stream()
                    .filter(image -> image.creationDate() != null)
                    .max(Comparator.comparing(Image::creationDate))
                    .map(Image::imageId);
        }

        public boolean undoable(RunStep step) {
            return true;
        }

        public StepOutcome undo(StepContext c) {
            String id = c.own().awsId();
            boolean terminated;
            try {
                terminated = AwsCalls.ignoring(() -> c.ec2().terminateInstances(r -> r.instanceIds(id)),
                        "InvalidInstanceID.NotFound");
            } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                // Terminating again what a crashed destroy already terminated: AWS says fine, moto errs on the
                // gone network interface. Either way, what counts is the instance's state.
                if (!alreadyTerminated(c, id)) {
                    throw e;
                }
                terminated = false;
            }
            if (terminated) {
                try (Ec2Waiter waiter = c.ec2().waiter()) {
                    waiter.waitUntilInstanceTerminated(r -> r.instanceIds(id));
                }
            }
            return StepOutcome.created(id);
        }

        private static boolean alreadyTerminated(StepContext c, String id) {
            return c.ec2().describeInstances(r -> r.instanceIds(id)).reservations().stream()
                    .flatMap(reservation -> reservation.instances().stream())
                    .allMatch(instance -> "terminated".equals(instance.state().nameAsString()));
        }

        public String undoDescription(RunStep step) {
            return "Terminate the " + ("nat".equals(step.param("role")) ? "NAT instance" : "test server")
                    + (step.zone() == null ? "" : " in " + step.zone()) + " and wait until it is gone";
        }
    }

    static final class AllocateElasticIp implements StepHandler {
        public ActionKind kind() {
            return ActionKind.ALLOCATE_ELASTIC_IP;
        }

        public StepOutcome apply(StepContext c) {
            List<String> candidates = c.adoptable("eipalloc-");
            if (!candidates.isEmpty()) {
                Address address = c.ec2().describeAddresses(r -> r.allocationIds(candidates.get(0))).addresses()
                        .get(0);
                return StepOutcome.adopted(address.allocationId(), address.publicIp());
            }
            var response = c.ec2().allocateAddress(r -> r.domain(software.amazon.awssdk.services.ec2.model.DomainType.VPC)
                    .tagSpecifications(c.tagSpec(ResourceType.ELASTIC_IP)));
            return StepOutcome.created(response.allocationId(), response.publicIp());
        }

        public boolean undoable(RunStep step) {
            return true;
        }

        public StepOutcome undo(StepContext c) {
            String allocation = c.own().awsId();
            try {
                AwsCalls.ignoring(() -> c.ec2().releaseAddress(r -> r.allocationId(allocation)),
                        "InvalidAllocationID.NotFound");
            } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                if (!"InvalidIPAddress.InUse".equals(AwsCalls.errorCode(e))) {
                    throw e;
                }
                // Still associated (an association a crashed run never recorded): disassociate, then release.
                for (Address address : c.ec2().describeAddresses(r -> r.allocationIds(allocation)).addresses()) {
                    if (address.associationId() != null) {
                        c.ec2().disassociateAddress(r -> r.associationId(address.associationId()));
                    }
                }
                c.ec2().releaseAddress(r -> r.allocationId(allocation));
            }
            return StepOutcome.created(allocation);
        }

        public String undoDescription(RunStep step) {
            return "Release the Elastic IP" + (step.zone() == null ? "" : " of " + step.zone());
        }
    }

    static final class AssociateElasticIp implements StepHandler {
        public ActionKind kind() {
            return ActionKind.ASSOCIATE_ELASTIC_IP;
        }

        public StepOutcome apply(StepContext c) {
            String allocation = c.resolve("allocation");
            String instance = c.resolve("instance");
            // AllowReassociation makes a retry harmless: associating again with the same instance is a no-op.
            return StepOutcome.created(c.ec2().associateAddress(r -> r.allocationId(allocation).instanceId(instance)
                    .allowReassociation(true)).associationId());
        }

        public boolean undoable(RunStep step) {
            return true;
        }

        public StepOutcome undo(StepContext c) {
            String association = c.own().awsId();
            AwsCalls.ignoring(() -> c.ec2().disassociateAddress(r -> r.associationId(association)),
                    "InvalidAssociationID.NotFound");
            return StepOutcome.created(association);
        }

        public String undoDescription(RunStep step) {
            return "Disassociate the Elastic IP" + (step.zone() == null ? "" : " of " + step.zone());
        }
    }

    static final class DisableSourceDestCheck implements StepHandler {
        public ActionKind kind() {
            return ActionKind.DISABLE_SOURCE_DEST_CHECK;
        }

        public StepOutcome apply(StepContext c) {
            String instance = c.resolve("instance");
            c.ec2().modifyInstanceAttribute(r -> r.instanceId(instance)
                    .sourceDestCheck(AttributeBooleanValue.builder().value(false).build()));
            return StepOutcome.none();
        }
    }

    static final class CreateNatGateway implements StepHandler {
        public ActionKind kind() {
            return ActionKind.CREATE_NAT_GATEWAY;
        }

        public StepOutcome apply(StepContext c) {
            List<String> candidates = c.adoptable("nat-");
            if (!candidates.isEmpty()) {
                Optional<NatGateway> live = c.ec2().describeNatGateways(r -> r.natGatewayIds(candidates))
                        .natGateways().stream()
                        .filter(gateway -> List.of("pending", "available").contains(gateway.stateAsString()))
                        .findFirst();
                if (live.isPresent()) {
                    waitAvailable(c, live.get().natGatewayId());
                    return StepOutcome.adopted(live.get().natGatewayId(), null);
                }
            }
            String subnet = c.resolve("subnet");
            String allocation = c.resolve("allocation");
            String id = c.ec2().createNatGateway(r -> r.subnetId(subnet).allocationId(allocation)
                    .clientToken(c.clientToken()).tagSpecifications(c.tagSpec(ResourceType.NATGATEWAY)))
                    .natGateway().natGatewayId();
            waitAvailable(c, id);
            return StepOutcome.created(id);
        }

        private static void waitAvailable(StepContext c, String id) {
            try (Ec2Waiter waiter = c.ec2().waiter()) {
                waiter.waitUntilNatGatewayAvailable(r -> r.natGatewayIds(id));
            }
        }

        public boolean undoable(RunStep step) {
            return true;
        }

        public StepOutcome undo(StepContext c) {
            String id = c.own().awsId();
            boolean deleted = AwsCalls.ignoring(() -> c.ec2().deleteNatGateway(r -> r.natGatewayId(id)),
                    "NatGatewayNotFound", "InvalidNatGatewayID.NotFound");
            if (deleted) {
                try (Ec2Waiter waiter = c.ec2().waiter()) {
                    waiter.waitUntilNatGatewayDeleted(r -> r.natGatewayIds(id));
                }
            }
            return StepOutcome.created(id);
        }

        public String undoDescription(RunStep step) {
            return "Delete the NAT Gateway" + (step.zone() == null ? "" : " in " + step.zone())
                    + " and wait until it is gone";
        }
    }

    static final class CreateFlowLogs implements StepHandler {
        public ActionKind kind() {
            return ActionKind.CREATE_FLOW_LOGS;
        }

        public StepOutcome apply(StepContext c) {
            for (String id : c.adoptable("fl-")) {
                return StepOutcome.adopted(id, null);
            }
            String vpc = c.resolve("vpc");
            CreateFlowLogsResponse response = c.ec2().createFlowLogs(r -> r.resourceIds(vpc)
                    .resourceType(FlowLogsResourceType.VPC).trafficType(TrafficType.fromValue(c.param("trafficType")))
                    .logDestinationType(LogDestinationType.CLOUD_WATCH_LOGS).logGroupName(c.param("logGroupName"))
                    .deliverLogsPermissionArn(c.param("deliverLogsPermissionArn")).clientToken(c.clientToken())
                    .tagSpecifications(c.tagSpec(ResourceType.VPC_FLOW_LOG)));
            if (!response.unsuccessful().isEmpty()) {
                UnsuccessfulItem item = response.unsuccessful().get(0);
                throw new StepFailure(item.error().code(), item.error().message());
            }
            return StepOutcome.created(response.flowLogIds().get(0));
        }

        public boolean undoable(RunStep step) {
            return true;
        }

        public StepOutcome undo(StepContext c) {
            String id = c.own().awsId();
            c.ec2().deleteFlowLogs(r -> r.flowLogIds(id));
            return StepOutcome.created(id);
        }

        public String undoDescription(RunStep step) {
            return "Delete the VPC flow logs";
        }
    }
}

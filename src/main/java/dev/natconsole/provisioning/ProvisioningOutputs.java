package dev.natconsole.provisioning;

import java.util.List;

/**
 * What an applied topology gives its user: each NAT's addresses, the test server's, the seed's SSH
 * ProxyCommand line (STEPS.md 13) and the commands that verify the outbound path from a private server
 * (STEPS.md 14). Values not known (no test server, no key pair) stay as the seed's placeholders.
 */
public record ProvisioningOutputs(long topologyId, TopologyStatus status, String vpcId, List<Nat> nats,
        Instance testServer, String sshProxyCommand, List<String> verifyCommands) {

    /** A NAT instance or NAT Gateway of one AZ. {@code instanceId} is null for a NAT Gateway. */
    public record Nat(String zone, String logicalId, String instanceId, String natGatewayId, String publicIp,
            String privateIp, String allocationId) {
    }

    public record Instance(String logicalId, String instanceId, String privateIp) {
    }
}

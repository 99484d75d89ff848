package dev.natconsole.target;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * SDK clients for a target. Each (target, service, region) client is built once, on first use, and reused;
 * it is closed when its target is deleted or the console stops. Callers must not close them.
 */
public interface AwsClients {

    Ec2Client ec2(long targetId, String region);

    SsmClient ssm(long targetId, String region);

    /** The Price List Query API, which answers only in a few regions (us-east-1, ap-south-1, eu-central-1). */
    PricingClient pricing(long targetId, String region);
}

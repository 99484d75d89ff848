package dev.natconsole.topology;

/**
 * What the NAT instances are made of. {@code sshAdminCidr} is optional; 0.0.0.0/0 is refused unless
 * {@code sshOpenToWorldConfirmed} is true.
 */
public record NatInstanceSpec(String instanceType, ImageChoice image, String amiId, String sshAdminCidr,
        boolean sshOpenToWorldConfirmed, String keyPairName) {

    public static NatInstanceSpec defaults() {
        return new NatInstanceSpec(InstanceTypes.DEFAULT, ImageChoice.AMAZON_LINUX_2023, null, null, false, null);
    }

    public Architecture architecture() {
        return InstanceTypes.get(instanceType).architecture();
    }
}

package dev.natconsole.topology;

/** Where a NAT instance's image comes from. */
public enum ImageChoice {
    /** Latest Amazon Linux 2023 from AWS's public SSM parameter, made a NAT by user data. The default. */
    AMAZON_LINUX_2023(false),
    /** The community fck-nat AMI (owner 568608671756), a NAT out of the box. */
    FCK_NAT(false),
    /** An AMI id the user gives, assumed to be a working NAT image already. */
    CUSTOM_AMI(false),
    /** The seed article's {@code amzn-ami-vpc-nat-*}: Amazon Linux AMI 2018.03, out of support since 2023-12-31. */
    LEGACY_AMZN_AMI_VPC_NAT(true);

    public static final String FCK_NAT_OWNER = "568608671756";

    private final boolean endOfLife;

    ImageChoice(boolean endOfLife) {
        this.endOfLife = endOfLife;
    }

    public boolean endOfLife() {
        return endOfLife;
    }
}

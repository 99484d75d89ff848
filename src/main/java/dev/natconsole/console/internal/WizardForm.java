package dev.natconsole.console.internal;

import java.util.ArrayList;
import java.util.List;

import dev.natconsole.topology.ImageChoice;
import dev.natconsole.topology.NatInstanceSpec;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.PrivateRouting;
import dev.natconsole.topology.TopologyDefaults;
import dev.natconsole.topology.TopologyOptions;
import dev.natconsole.topology.TopologySpec;
import dev.natconsole.topology.ZoneSubnets;

/**
 * What the wizard has gathered so far. Its property paths are the API's field paths ({@code nat.sshAdminCidr},
 * {@code availabilityZones[1].publicSubnetCidr}), so validation problems land beside the right input.
 */
public class WizardForm {

    private String name;
    private Long targetId;
    private String region = TopologyDefaults.REGION;
    private String vpcCidr = TopologyDefaults.VPC_CIDR;
    private List<String> selectedZones = new ArrayList<>();
    private List<ZoneForm> availabilityZones = new ArrayList<>();
    private NatLayout natLayout = NatLayout.NAT_INSTANCE_PER_AZ;
    private PrivateRouting privateRouting = PrivateRouting.ROUTE_TABLE_PER_AZ;
    private NatForm nat = new NatForm();
    private OptionsForm options = new OptionsForm();

    public static class ZoneForm {
        private String name;
        private String publicSubnetCidr;
        private String privateSubnetCidr;

        public ZoneForm() {
        }

        ZoneForm(ZoneSubnets zone) {
            this.name = zone.name();
            this.publicSubnetCidr = zone.publicSubnetCidr();
            this.privateSubnetCidr = zone.privateSubnetCidr();
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getPublicSubnetCidr() { return publicSubnetCidr; }
        public void setPublicSubnetCidr(String value) { this.publicSubnetCidr = value; }
        public String getPrivateSubnetCidr() { return privateSubnetCidr; }
        public void setPrivateSubnetCidr(String value) { this.privateSubnetCidr = value; }
    }

    public static class NatForm {
        private String instanceType = NatInstanceSpec.defaults().instanceType();
        private ImageChoice image = ImageChoice.AMAZON_LINUX_2023;
        private String amiId;
        private String sshAdminCidr;
        private boolean sshOpenToWorldConfirmed;
        private String keyPairName;

        public String getInstanceType() { return instanceType; }
        public void setInstanceType(String value) { this.instanceType = value; }
        public ImageChoice getImage() { return image; }
        public void setImage(ImageChoice value) { this.image = value; }
        public String getAmiId() { return amiId; }
        public void setAmiId(String value) { this.amiId = value; }
        public String getSshAdminCidr() { return sshAdminCidr; }
        public void setSshAdminCidr(String value) { this.sshAdminCidr = value; }
        public boolean isSshOpenToWorldConfirmed() { return sshOpenToWorldConfirmed; }
        public void setSshOpenToWorldConfirmed(boolean value) { this.sshOpenToWorldConfirmed = value; }
        public String getKeyPairName() { return keyPairName; }
        public void setKeyPairName(String value) { this.keyPairName = value; }
    }

    public static class OptionsForm {
        private boolean flowLogs;
        private String flowLogsRoleArn;
        private boolean testServer;
        private boolean allowIcmp;

        public boolean isFlowLogs() { return flowLogs; }
        public void setFlowLogs(boolean value) { this.flowLogs = value; }
        public String getFlowLogsRoleArn() { return flowLogsRoleArn; }
        public void setFlowLogsRoleArn(String value) { this.flowLogsRoleArn = value; }
        public boolean isTestServer() { return testServer; }
        public void setTestServer(boolean value) { this.testServer = value; }
        public boolean isAllowIcmp() { return allowIcmp; }
        public void setAllowIcmp(boolean value) { this.allowIcmp = value; }
    }

    /** The design as the topology module sees it, with blank subnet blocks suggested. */
    public TopologySpec toSpec() {
        List<ZoneSubnets> zones = availabilityZones.stream()
                .map(zone -> new ZoneSubnets(zone.getName(), zone.getPublicSubnetCidr(), zone.getPrivateSubnetCidr()))
                .toList();
        return TopologyDefaults.complete(new TopologySpec(name, targetId, region, vpcCidr, zones, natLayout,
                privateRouting, new NatInstanceSpec(nat.getInstanceType(), nat.getImage(), nat.getAmiId(),
                        nat.getSshAdminCidr(), nat.isSshOpenToWorldConfirmed(), nat.getKeyPairName()),
                new TopologyOptions(options.isFlowLogs(), options.getFlowLogsRoleArn(), options.isTestServer(),
                        options.isAllowIcmp())));
    }

    /**
     * Makes the zone list follow the zones ticked in step 2, keeping the blocks of zones that stay and
     * suggesting blocks for new ones.
     */
    public void syncZonesWithSelection() {
        List<ZoneForm> zones = new ArrayList<>();
        for (String zoneName : selectedZones) {
            zones.add(availabilityZones.stream().filter(zone -> zoneName.equals(zone.getName())).findFirst()
                    .orElseGet(() -> new ZoneForm(new ZoneSubnets(zoneName, null, null))));
        }
        availabilityZones = new ArrayList<>(TopologyDefaults.suggestSubnets(vpcCidr,
                zones.stream().map(zone -> new ZoneSubnets(zone.getName(), zone.getPublicSubnetCidr(),
                        zone.getPrivateSubnetCidr())).toList()).stream().map(ZoneForm::new).toList());
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getTargetId() { return targetId; }
    public void setTargetId(Long targetId) { this.targetId = targetId; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getVpcCidr() { return vpcCidr; }
    public void setVpcCidr(String vpcCidr) { this.vpcCidr = vpcCidr; }
    public List<String> getSelectedZones() { return selectedZones; }
    public void setSelectedZones(List<String> selectedZones) {
        this.selectedZones = selectedZones == null ? new ArrayList<>() : new ArrayList<>(selectedZones);
    }
    public List<ZoneForm> getAvailabilityZones() { return availabilityZones; }
    public void setAvailabilityZones(List<ZoneForm> zones) {
        this.availabilityZones = zones == null ? new ArrayList<>() : zones;
    }
    public NatLayout getNatLayout() { return natLayout; }
    public void setNatLayout(NatLayout natLayout) { this.natLayout = natLayout; }
    public PrivateRouting getPrivateRouting() { return privateRouting; }
    public void setPrivateRouting(PrivateRouting privateRouting) { this.privateRouting = privateRouting; }
    public NatForm getNat() { return nat; }
    public void setNat(NatForm nat) { this.nat = nat; }
    public OptionsForm getOptions() { return options; }
    public void setOptions(OptionsForm options) { this.options = options; }
}

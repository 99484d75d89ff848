package dev.natconsole.topology.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.natconsole.topology.ImageChoice;
import dev.natconsole.topology.NatInstanceSpec;
import dev.natconsole.topology.NatLayout;
import dev.natconsole.topology.PrivateRouting;
import dev.natconsole.topology.Topology;
import dev.natconsole.topology.TopologyOptions;
import dev.natconsole.topology.TopologySpec;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The stored form of a topology; the rest of the console sees it as a {@link Topology}. */
@Entity
@Table(name = "topology")
public class TopologyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    private Long targetId;

    @Column(nullable = false)
    private String region;

    @Column(nullable = false)
    private String vpcCidr;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "topology_zone", joinColumns = @JoinColumn(name = "topology_id"))
    @OrderColumn(name = "zone_index")
    private List<ZoneEmbeddable> zones = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NatLayout natLayout;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PrivateRouting privateRouting;

    @Column(nullable = false)
    private String instanceType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImageChoice image;

    private String amiId;
    private String sshAdminCidr;
    private boolean sshOpenToWorldConfirmed;
    private String keyPairName;
    private boolean flowLogs;
    private String flowLogsRoleArn;
    private boolean testServer;
    private boolean allowIcmp;

    @Version
    private long version;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected TopologyEntity() {
    }

    public TopologyEntity(TopologySpec spec, Instant now) {
        this.createdAt = now;
        apply(spec, now);
    }

    public void apply(TopologySpec spec, Instant now) {
        this.name = spec.name();
        this.targetId = spec.targetId();
        this.region = spec.region();
        this.vpcCidr = spec.vpcCidr();
        this.zones.clear();
        spec.availabilityZones().forEach(zone -> this.zones.add(new ZoneEmbeddable(zone)));
        this.natLayout = spec.natLayout();
        this.privateRouting = spec.privateRouting();
        NatInstanceSpec nat = spec.nat();
        this.instanceType = nat.instanceType();
        this.image = nat.image();
        this.amiId = nat.amiId();
        this.sshAdminCidr = nat.sshAdminCidr();
        this.sshOpenToWorldConfirmed = nat.sshOpenToWorldConfirmed();
        this.keyPairName = nat.keyPairName();
        TopologyOptions options = spec.options();
        this.flowLogs = options.flowLogs();
        this.flowLogsRoleArn = options.flowLogsRoleArn();
        this.testServer = options.testServer();
        this.allowIcmp = options.allowIcmp();
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Topology toTopology() {
        TopologySpec spec = new TopologySpec(name, targetId, region, vpcCidr,
                zones.stream().map(ZoneEmbeddable::toZone).toList(), natLayout, privateRouting,
                new NatInstanceSpec(instanceType, image, amiId, sshAdminCidr, sshOpenToWorldConfirmed, keyPairName),
                new TopologyOptions(flowLogs, flowLogsRoleArn, testServer, allowIcmp));
        return new Topology(id, spec, version, createdAt, updatedAt);
    }
}

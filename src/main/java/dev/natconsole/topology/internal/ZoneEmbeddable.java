package dev.natconsole.topology.internal;

import dev.natconsole.topology.ZoneSubnets;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class ZoneEmbeddable {

    @Column(name = "zone_name", nullable = false)
    private String name;

    @Column(name = "public_subnet_cidr", nullable = false)
    private String publicSubnetCidr;

    @Column(name = "private_subnet_cidr", nullable = false)
    private String privateSubnetCidr;

    protected ZoneEmbeddable() {
    }

    ZoneEmbeddable(ZoneSubnets zone) {
        this.name = zone.name();
        this.publicSubnetCidr = zone.publicSubnetCidr();
        this.privateSubnetCidr = zone.privateSubnetCidr();
    }

    ZoneSubnets toZone() {
        return new ZoneSubnets(name, publicSubnetCidr, privateSubnetCidr);
    }
}

package dev.natconsole.target.internal;

import java.time.Instant;

import dev.natconsole.target.Target;
import dev.natconsole.target.TargetKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "aws_target")
public class TargetEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TargetKind kind;

    private String endpointUrl;

    private String profileName;

    @Column(nullable = false)
    private String defaultRegion;

    @Column(nullable = false)
    private Instant createdAt;

    protected TargetEntity() {
    }

    public TargetEntity(String name, TargetKind kind, String endpointUrl, String profileName, String defaultRegion,
            Instant createdAt) {
        this.name = name;
        this.kind = kind;
        this.endpointUrl = endpointUrl;
        this.profileName = profileName;
        this.defaultRegion = defaultRegion;
        this.createdAt = createdAt;
    }

    public Target toTarget() {
        return new Target(id, name, kind, endpointUrl, profileName, defaultRegion, createdAt);
    }
}

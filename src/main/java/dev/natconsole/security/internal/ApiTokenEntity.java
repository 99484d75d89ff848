package dev.natconsole.security.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "api_token")
public class ApiTokenEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "user_id")
    private UserEntity user;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, unique = true)
    private String tokenHash;

    @Column(nullable = false)
    private String tokenPrefix;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant lastUsedAt;

    private Instant revokedAt;

    protected ApiTokenEntity() {
    }

    public ApiTokenEntity(UserEntity user, String name, String tokenHash, String tokenPrefix, Instant now) {
        this.user = user;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public UserEntity getUser() { return user; }
    public String getName() { return name; }
    public String getTokenPrefix() { return tokenPrefix; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public Instant getRevokedAt() { return revokedAt; }

    public boolean active() {
        return revokedAt == null && user.isEnabled();
    }

    public void used(Instant now) {
        this.lastUsedAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}

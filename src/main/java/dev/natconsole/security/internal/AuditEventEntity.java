package dev.natconsole.security.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_event")
public class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    private String subject;

    @Column(nullable = false)
    private String outcome;

    private String detail;

    private String remote;

    protected AuditEventEntity() {
    }

    public AuditEventEntity(Instant at, String actor, String action, String subject, String outcome, String detail,
            String remote) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.subject = subject;
        this.outcome = outcome;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        this.remote = remote;
    }

    public Long getId() { return id; }
    public Instant getAt() { return at; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getSubject() { return subject; }
    public String getOutcome() { return outcome; }
    public String getDetail() { return detail; }
    public String getRemote() { return remote; }
}

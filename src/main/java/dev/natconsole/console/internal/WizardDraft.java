package dev.natconsole.console.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "wizard_draft")
class WizardDraft {

    @Id
    private String id;

    @Column(nullable = false, length = 200_000)
    private String formJson;

    @Column(nullable = false)
    private String step;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected WizardDraft() {
    }

    WizardDraft(String id, String formJson, String step, Instant now) {
        this.id = id;
        this.formJson = formJson;
        this.step = step;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(String formJson, String step, Instant now) {
        this.formJson = formJson;
        this.step = step;
        this.updatedAt = now;
    }

    String getId() { return id; }
    String getFormJson() { return formJson; }
    String getStep() { return step; }
    Instant getUpdatedAt() { return updatedAt; }
}

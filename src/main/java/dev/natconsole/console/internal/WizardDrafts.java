package dev.natconsole.console.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/** Stores wizard forms as JSON under a random id that the wizard's URLs carry. */
@Service
class WizardDrafts {

    private final WizardDraftRepository repository;
    private final JsonMapper json;
    private final Clock clock;

    WizardDrafts(WizardDraftRepository repository, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    public record Draft(String id, WizardForm form, WizardStep step, java.time.Instant updatedAt) {
    }

    @Transactional
    String create(WizardForm form) {
        String id = UUID.randomUUID().toString();
        repository.save(new WizardDraft(id, json.writeValueAsString(form), WizardStep.TARGET.path(), clock.instant()));
        return id;
    }

    @Transactional(readOnly = true)
    Optional<Draft> find(String id) {
        return repository.findById(id).map(this::toDraft);
    }

    @Transactional(readOnly = true)
    List<Draft> list() {
        return repository.findAllByOrderByUpdatedAtDesc().stream().map(this::toDraft).toList();
    }

    @Transactional
    void save(String id, WizardForm form, WizardStep step) {
        repository.findById(id).ifPresent(draft -> draft.update(json.writeValueAsString(form), step.path(),
                clock.instant()));
    }

    @Transactional
    void delete(String id) {
        repository.deleteById(id);
    }

    private Draft toDraft(WizardDraft draft) {
        return new Draft(draft.getId(), json.readValue(draft.getFormJson(), WizardForm.class),
                WizardStep.of(draft.getStep()), draft.getUpdatedAt());
    }
}

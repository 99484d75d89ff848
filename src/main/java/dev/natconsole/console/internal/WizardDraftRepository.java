package dev.natconsole.console.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface WizardDraftRepository extends JpaRepository<WizardDraft, String> {

    List<WizardDraft> findAllByOrderByUpdatedAtDesc();
}

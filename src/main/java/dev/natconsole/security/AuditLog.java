package dev.natconsole.security;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.natconsole.security.internal.AuditEventEntity;
import dev.natconsole.security.internal.AuditEventRepository;

/** Who did what and when. Rows are only ever added. */
@Service
public class AuditLog {

    /** One audit row as the API and the export show it. */
    public record Event(long id, java.time.Instant at, String actor, String action, String subject, String outcome,
            String detail, String remote) {

        static Event of(AuditEventEntity entity) {
            return new Event(entity.getId(), entity.getAt(), entity.getActor(), entity.getAction(),
                    entity.getSubject(), entity.getOutcome(), entity.getDetail(), entity.getRemote());
        }
    }

    private final AuditEventRepository repository;
    private final Clock clock;

    AuditLog(AuditEventRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Records an event in its own transaction, so it stays even when the action it describes rolled back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String actor, String action, String subject, String outcome, String detail, String remote) {
        repository.save(new AuditEventEntity(clock.instant(), actor, action, subject, outcome, detail, remote));
    }

    @Transactional(readOnly = true)
    public List<Event> latest(int limit) {
        return repository.findAllByOrderByAtDescIdDesc(PageRequest.of(0, Math.max(1, Math.min(limit, 10_000))))
                .stream().map(Event::of).toList();
    }

    @Transactional(readOnly = true)
    public List<Event> all() {
        return repository.findAllByOrderByAtAscIdAsc().stream().map(Event::of).toList();
    }
}

package dev.natconsole.provisioning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.natconsole.provisioning.RunKind;
import dev.natconsole.provisioning.RunStatus;
import dev.natconsole.provisioning.RunSummary;
import dev.natconsole.provisioning.StepStatus;
import dev.natconsole.provisioning.StepView;

/**
 * The runs, their steps, the per-topology lock and the provisioned-resource map, in plain SQL. Every write is
 * its own short transaction (autocommit), so that what is recorded survives a crash in the middle of a run.
 */
@Component
public class RunStore {

    /** Everything but the plan snapshot, which only the engine reads. */
    private static final String RUN_COLUMNS =
            "id, topology_id, kind, target_id, region, status, error, created_at, finished_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    RunStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Resource(String logicalId, String kind, String awsId, String detail) {
    }

    // ---- lock -------------------------------------------------------------------------------------------

    /** Takes the topology's lock for a run; false when another run holds it. */
    public boolean tryLock(long topologyId, long runId) {
        try {
            jdbc.sql("insert into provisioning_lock (topology_id, run_id, acquired_at) values (?, ?, ?)")
                    .params(topologyId, runId, ts(clock.instant())).update();
            return true;
        } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
            return false;
        }
    }

    public Optional<Long> lockHolder(long topologyId) {
        return jdbc.sql("select run_id from provisioning_lock where topology_id = ?").param(topologyId)
                .query(Long.class).optional();
    }

    public void unlock(long topologyId, long runId) {
        jdbc.sql("delete from provisioning_lock where topology_id = ? and run_id = ?").params(topologyId, runId)
                .update();
    }

    // ---- runs -------------------------------------------------------------------------------------------

    /**
     * Creates a RUNNING run with its steps and takes the topology's lock, all or nothing: a
     * {@link DuplicateKeyException} means another run holds the lock, and nothing was stored.
     */
    @Transactional
    public long createLockedRun(long topologyId, RunKind kind, long targetId, String region, List<RunStep> steps) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into provisioning_run (topology_id, kind, target_id, region, status, plan_json, created_at,"
                + " heartbeat_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(topologyId, kind.name(), targetId, region, RunStatus.RUNNING.name(), PlanJson.write(steps),
                        ts(clock.instant()), ts(clock.instant()))
                .update(keys, "id");
        long runId = keys.getKey().longValue();
        jdbc.sql("insert into provisioning_lock (topology_id, run_id, acquired_at) values (?, ?, ?)")
                .params(topologyId, runId, ts(clock.instant())).update();
        insertSteps(runId, steps, Map.of());
        return runId;
    }

    /** Replaces a run's steps and plan (a resume after the design changed), keeping what is carried over. */
    @Transactional
    public void replaceSteps(long runId, List<RunStep> steps, Map<String, StepView> carried) {
        jdbc.sql("delete from provisioning_step where run_id = ?").param(runId).update();
        jdbc.sql("update provisioning_run set plan_json = ? where id = ?").params(PlanJson.write(steps), runId)
                .update();
        insertSteps(runId, steps, carried);
    }

    private void insertSteps(long runId, List<RunStep> steps, Map<String, StepView> carried) {
        int position = 0;
        for (RunStep step : steps) {
            StepView old = carried.get(step.id());
            jdbc.sql("""
                    insert into provisioning_step (run_id, logical_id, position, kind, description, zone_name, status,
                        aws_id, started_at, finished_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, step.id(), position++, step.kind(), truncate(step.description(), 500),
                            step.zone(), old == null ? StepStatus.PENDING.name() : old.status().name(),
                            old == null ? null : old.awsId(), old == null ? null : ts(old.startedAt()),
                            old == null ? null : ts(old.finishedAt()))
                    .update();
        }
    }

    public void setRunStatus(long runId, RunStatus status, String error) {
        jdbc.sql("update provisioning_run set status = ?, error = ?, finished_at = ? where id = ?")
                .params(status.name(), truncate(error, 2000), status.finished() ? ts(clock.instant()) : null, runId)
                .update();
    }

    public Optional<RunSummary> run(long runId) {
        return jdbc.sql("select " + RUN_COLUMNS + " from provisioning_run where id = ?").param(runId)
                .query(RunStore::summary).optional();
    }

    public Optional<dev.natconsole.provisioning.RunView> view(long runId) {
        return run(runId).map(run -> new dev.natconsole.provisioning.RunView(run.id(), run.topologyId(), run.kind(),
                run.targetId(), run.region(), run.status(), run.createdAt(), run.finishedAt(), run.error(),
                steps(runId)));
    }

    /** Marks the steps left RUNNING by a run that died as failed with {@code Interrupted}. */
    public void interruptRunningSteps(long runId, String message) {
        jdbc.sql("""
                update provisioning_step set status = ?, finished_at = ?, error_code = 'Interrupted', error_message = ?
                where run_id = ? and status = ?""")
                .params(StepStatus.FAILED.name(), ts(clock.instant()), message, runId, StepStatus.RUNNING.name())
                .update();
    }

    public String planJson(long runId) {
        return jdbc.sql("select plan_json from provisioning_run where id = ?").param(runId).query(String.class)
                .single();
    }

    public List<RunSummary> runs(long topologyId) {
        return jdbc.sql("select " + RUN_COLUMNS + " from provisioning_run where topology_id = ? order by id desc")
                .param(topologyId).query(RunStore::summary).list();
    }

    public Optional<RunSummary> latestRun(long topologyId) {
        return jdbc.sql("select " + RUN_COLUMNS + " from provisioning_run where topology_id = ? order by id desc limit 1")
                .param(topologyId).query(RunStore::summary).optional();
    }

    /** Tells other consoles sharing the database that this one is still executing these runs. */
    public void heartbeat(java.util.Collection<Long> runIds) {
        for (Long runId : runIds) {
            jdbc.sql("update provisioning_run set heartbeat_at = ? where id = ? and status = ?")
                    .params(ts(clock.instant()), runId, RunStatus.RUNNING.name()).update();
        }
    }

    /** RUNNING runs whose console has not written a heartbeat since {@code cutoff}: their console is gone. */
    public List<RunSummary> orphanedRuns(java.time.Instant cutoff) {
        return jdbc.sql("select " + RUN_COLUMNS + " from provisioning_run where status = ?"
                + " and (heartbeat_at is null or heartbeat_at < ?)").params(RunStatus.RUNNING.name(), ts(cutoff))
                .query(RunStore::summary).list();
    }

    public List<RunSummary> runsWithStatus(RunStatus status) {
        return jdbc.sql("select " + RUN_COLUMNS + " from provisioning_run where status = ?").param(status.name())
                .query(RunStore::summary).list();
    }

    // ---- steps ------------------------------------------------------------------------------------------

    public List<StepView> steps(long runId) {
        return jdbc.sql("select * from provisioning_step where run_id = ? order by position").param(runId)
                .query(RunStore::step).list();
    }

    public StepView step(long runId, String logicalId) {
        return jdbc.sql("select * from provisioning_step where run_id = ? and logical_id = ?")
                .params(runId, logicalId).query(RunStore::step).single();
    }

    public void stepRunning(long runId, String logicalId) {
        jdbc.sql("""
                update provisioning_step set status = ?, started_at = ?, finished_at = null, error_code = null,
                    error_message = null where run_id = ? and logical_id = ?""")
                .params(StepStatus.RUNNING.name(), ts(clock.instant()), runId, logicalId).update();
    }

    public void stepFinished(long runId, String logicalId, StepStatus status, String awsId) {
        jdbc.sql("update provisioning_step set status = ?, aws_id = ?, finished_at = ? where run_id = ? and logical_id = ?")
                .params(status.name(), awsId, ts(clock.instant()), runId, logicalId).update();
    }

    public void stepFailed(long runId, String logicalId, String errorCode, String errorMessage) {
        jdbc.sql("""
                update provisioning_step set status = ?, finished_at = ?, error_code = ?, error_message = ?
                where run_id = ? and logical_id = ?""")
                .params(StepStatus.FAILED.name(), ts(clock.instant()), truncate(errorCode, 128),
                        truncate(errorMessage, 2000), runId, logicalId)
                .update();
    }

    /** Puts the steps that did not complete back to pending, for a resume. */
    public void resetIncompleteSteps(long runId) {
        jdbc.sql("""
                update provisioning_step set status = ?, started_at = null, finished_at = null
                where run_id = ? and status in (?, ?)""")
                .params(StepStatus.PENDING.name(), runId, StepStatus.RUNNING.name(), StepStatus.FAILED.name())
                .update();
    }

    // ---- provisioned resources --------------------------------------------------------------------------

    public Map<String, Resource> resources(long topologyId) {
        return jdbc.sql("select * from provisioned_resource where topology_id = ?").param(topologyId)
                .query((rs, row) -> new Resource(rs.getString("logical_id"), rs.getString("kind"),
                        rs.getString("aws_id"), rs.getString("detail")))
                .list().stream().collect(Collectors.toMap(Resource::logicalId, r -> r));
    }

    @Transactional
    public void saveResource(long topologyId, Resource resource) {
        int updated = jdbc.sql("""
                update provisioned_resource set kind = ?, aws_id = ?, detail = ?, updated_at = ?
                where topology_id = ? and logical_id = ?""")
                .params(resource.kind(), resource.awsId(), resource.detail(), ts(clock.instant()), topologyId,
                        resource.logicalId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into provisioned_resource (topology_id, logical_id, kind, aws_id, detail, updated_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(topologyId, resource.logicalId(), resource.kind(), resource.awsId(), resource.detail(),
                            ts(clock.instant()))
                    .update();
        }
    }

    public void deleteResource(long topologyId, String logicalId) {
        jdbc.sql("delete from provisioned_resource where topology_id = ? and logical_id = ?")
                .params(topologyId, logicalId).update();
    }

    public void deleteResources(long topologyId) {
        jdbc.sql("delete from provisioned_resource where topology_id = ?").param(topologyId).update();
    }

    // ---- mapping ----------------------------------------------------------------------------------------

    private static RunSummary summary(ResultSet rs, int row) throws SQLException {
        return new RunSummary(rs.getLong("id"), rs.getLong("topology_id"), RunKind.valueOf(rs.getString("kind")),
                rs.getLong("target_id"), rs.getString("region"), RunStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "finished_at"), rs.getString("error"));
    }

    private static StepView step(ResultSet rs, int row) throws SQLException {
        return new StepView(rs.getInt("position"), rs.getString("logical_id"), rs.getString("kind"),
                rs.getString("description"), rs.getString("zone_name"), StepStatus.valueOf(rs.getString("status")),
                rs.getString("aws_id"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getString("error_code"), rs.getString("error_message"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** JDBC 4.2's type for {@code timestamp with time zone}, the same on H2 and PostgreSQL. */
    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

package dev.natconsole.target;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.natconsole.shared.ConflictException;
import dev.natconsole.shared.FieldProblem;
import dev.natconsole.shared.InvalidInputException;
import dev.natconsole.shared.NotFoundException;
import dev.natconsole.shared.Regions;
import dev.natconsole.target.internal.AwsClientRegistry;
import dev.natconsole.target.internal.TargetEntity;
import dev.natconsole.target.internal.TargetRepository;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;

/** The registered targets: where topologies are applied and what the console can reach. */
@Service
public class Targets {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    /** Short enough that a dead endpoint does not stall a page or a health check. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final TargetRepository repository;
    private final AwsClientRegistry clients;
    private final Clock clock;

    Targets(TargetRepository repository, AwsClientRegistry clients, Clock clock) {
        this.repository = repository;
        this.clients = clients;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Target> list() {
        return repository.findAllByOrderByNameAsc().stream().map(TargetEntity::toTarget).toList();
    }

    @Transactional(readOnly = true)
    public Target get(long id) {
        return repository.findById(id).map(TargetEntity::toTarget)
                .orElseThrow(() -> new NotFoundException("Target", id));
    }

    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return repository.existsById(id);
    }

    @Transactional
    public Target create(NewTarget request) {
        String name = trim(request.name());
        String endpoint = trim(request.endpointUrl());
        String profile = trim(request.profileName());
        String region = trim(request.defaultRegion());
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (!NAME.matcher(name).matches()) {
            problems.add(new FieldProblem("name",
                    "must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        } else if (repository.existsByName(name)) {
            problems.add(new FieldProblem("name", "a target named " + name + " already exists"));
        }
        if (request.kind() == null) {
            problems.add(new FieldProblem("kind", "is required (AWS or EMULATOR)"));
        } else if (request.kind() == TargetKind.EMULATOR) {
            if (endpoint == null) {
                problems.add(new FieldProblem("endpointUrl", "is required for an emulator"));
            } else if (!endpoint.matches("https?://[^\\s/?#]+(:\\d{1,5})?/?")) {
                problems.add(new FieldProblem("endpointUrl", "must be an http(s) URL such as http://127.0.0.1:5000"));
            }
            if (profile != null) {
                problems.add(new FieldProblem("profileName", "applies only to AWS targets"));
            }
        } else {
            if (endpoint != null) {
                problems.add(new FieldProblem("endpointUrl", "applies only to emulator targets"));
            }
            if (profile != null && !PROFILE.matcher(profile).matches()) {
                problems.add(new FieldProblem("profileName", "is not a valid AWS profile name"));
            }
        }
        if (!Regions.isKnown(region)) {
            problems.add(new FieldProblem("defaultRegion", region == null ? "is required"
                    : "'" + region + "' is not an AWS region"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        TargetEntity saved = repository.saveAndFlush(new TargetEntity(name, request.kind(),
                endpoint == null ? null : endpoint.replaceAll("/$", ""), profile, region, clock.instant()));
        return saved.toTarget();
    }

    @Transactional
    public void delete(long id) {
        if (!repository.existsById(id)) {
            throw new NotFoundException("Target", id);
        }
        try {
            repository.deleteById(id);
            repository.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Target " + id + " is still used by a topology; delete or move it first");
        }
        clients.evict(id);
    }

    /** The availability zones the target reports for a region, sorted by name. */
    public List<String> availabilityZones(long id, String region) {
        Target target = get(id);
        if (!Regions.isKnown(region)) {
            throw new InvalidInputException("region", "'" + region + "' is not an AWS region");
        }
        try {
            return clients.ec2(id, region)
                    .describeAvailabilityZones(DescribeAvailabilityZonesRequest.builder()
                            .overrideConfiguration(config -> config.apiCallTimeout(PROBE_TIMEOUT))
                            .build())
                    .availabilityZones().stream()
                    .map(AvailabilityZone::zoneName)
                    .sorted()
                    .toList();
        } catch (AwsServiceException e) {
            throw new TargetUnreachableException("Target " + target.name() + " refused DescribeAvailabilityZones: "
                    + e.awsErrorDetails().errorCode() + " " + e.awsErrorDetails().errorMessage(), e);
        } catch (SdkClientException e) {
            throw new TargetUnreachableException("Target " + target.name() + " could not be reached: "
                    + e.getMessage(), e);
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

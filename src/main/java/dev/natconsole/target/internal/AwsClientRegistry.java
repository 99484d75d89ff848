package dev.natconsole.target.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.natconsole.target.AwsClients;
import dev.natconsole.target.Target;
import dev.natconsole.target.TargetKind;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Builds each (target, service, region) client once and hands out the same instance afterwards; building a
 * client is costly (HTTP pool, endpoint rules), calling through one is cheap and thread-safe.
 */
@Component
public class AwsClientRegistry implements AwsClients, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AwsClientRegistry.class);

    /**
     * Emulators accept any key; these fixed ones are not secrets. Real AWS never gets static keys from the
     * console: its credentials come from the default chain or a named profile.
     */
    private static final AwsCredentialsProvider EMULATOR_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private record Key(long targetId, String service, String region) {
    }

    private final Map<Key, SdkClient> clients = new ConcurrentHashMap<>();
    private final Function<Long, Target> targetLookup;

    AwsClientRegistry(TargetRepository repository) {
        this.targetLookup = id -> repository.findById(id)
                .map(TargetEntity::toTarget)
                .orElseThrow(() -> new dev.natconsole.shared.NotFoundException("Target", id));
    }

    @Override
    public Ec2Client ec2(long targetId, String region) {
        return client(targetId, "ec2", region, Ec2Client.class, Ec2Client::builder);
    }

    @Override
    public SsmClient ssm(long targetId, String region) {
        return client(targetId, "ssm", region, SsmClient.class, SsmClient::builder);
    }

    @Override
    public PricingClient pricing(long targetId, String region) {
        return client(targetId, "pricing", region, PricingClient.class, PricingClient::builder);
    }

    private <C extends SdkClient, B extends AwsClientBuilder<B, C>> C client(long targetId, String service,
            String region, Class<C> type, java.util.function.Supplier<B> builder) {
        SdkClient client = clients.computeIfAbsent(new Key(targetId, service, region),
                key -> build(targetLookup.apply(targetId), region, builder.get()));
        return type.cast(client);
    }

    static <C extends SdkClient, B extends AwsClientBuilder<B, C>> C build(Target target, String region, B builder) {
        builder.region(Region.of(region))
                .overrideConfiguration(config -> config
                        // Standard mode: exponential backoff with jitter, RequestLimitExceeded treated as throttling.
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(Duration.ofSeconds(30)));
        if (target.kind() == TargetKind.EMULATOR) {
            builder.endpointOverride(URI.create(target.endpointUrl())).credentialsProvider(EMULATOR_CREDENTIALS);
        } else if (target.profileName() != null) {
            builder.credentialsProvider(ProfileCredentialsProvider.create(target.profileName()));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        log.debug("Built SDK client for target {} in {}", target.name(), region);
        return builder.build();
    }

    /** Closes and forgets every client of a target, for example when the target is deleted. */
    public void evict(long targetId) {
        clients.entrySet().removeIf(entry -> {
            if (entry.getKey().targetId() == targetId) {
                entry.getValue().close();
                return true;
            }
            return false;
        });
    }

    @Override
    public void destroy() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
    }
}

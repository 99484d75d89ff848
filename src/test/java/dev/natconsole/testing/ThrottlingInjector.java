package dev.natconsole.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Makes the next answers to an EC2 operation look like EC2 throttling ({@code 503 RequestLimitExceeded}), to
 * check that the console's clients retry with backoff. The request still reaches the emulator, so only use it
 * on idempotent operations. A global SDK interceptor of the test classpath, idle unless armed.
 */
public class ThrottlingInjector implements ExecutionInterceptor {

    private static final Map<String, AtomicInteger> PENDING = new ConcurrentHashMap<>();
    private static final ExecutionAttribute<Boolean> THROTTLED = new ExecutionAttribute<>("natconsole.throttled");
    private static final String BODY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error>"
            + "<Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors>"
            + "<RequestID>injected</RequestID></Response>";

    /** Throttles the next {@code times} answers to {@code operation} (for example ModifyVpcAttribute). */
    public static void throttle(String operation, int times) {
        PENDING.put(operation, new AtomicInteger(times));
    }

    public static void clear() {
        PENDING.clear();
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        AtomicInteger left = PENDING.get(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        if (left != null && left.getAndDecrement() > 0) {
            attributes.putAttribute(THROTTLED, true);
            return context.httpResponse().toBuilder().statusCode(503).build();
        }
        attributes.putAttribute(THROTTLED, false);
        return context.httpResponse();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(THROTTLED))) {
            return Optional.of(new ByteArrayInputStream(BODY.getBytes(StandardCharsets.UTF_8)));
        }
        return context.responseBody();
    }
}

package dev.natconsole.target;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * A local EC2 sandbox for people without an AWS account: a {@code moto_server} child process on a free
 * loopback port, registered as the target {@value #TARGET_NAME}. The process lives as long as the console;
 * when the console starts again and the sandbox target exists, a fresh sandbox is started for it (moto keeps
 * nothing across restarts, so what was applied there is gone, as the page says).
 */
@Service
public class LocalSandbox implements DisposableBean {

    public static final String TARGET_NAME = "local-sandbox";
    public static final String REGION = "ap-northeast-1";

    private static final Logger log = LoggerFactory.getLogger(LocalSandbox.class);

    private final Targets targets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    LocalSandbox(Targets targets) {
        this.targets = targets;
    }

    /** Whether moto can be started here (the Python package with its server extras is installed). */
    public boolean available() {
        return command().isPresent();
    }

    /** Looked up once: probing Python costs a process start, and the dashboard asks on every view. */
    private volatile Optional<List<String>> command;

    private Optional<List<String>> command() {
        Optional<List<String>> known = command;
        if (known == null) {
            known = findCommand();
            command = known;
        }
        return known;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts moto (if it is not running) and returns the sandbox target, registering it the first time. */
    public synchronized Target start() {
        if (running()) {
            return sandboxTarget().orElseThrow();
        }
        List<String> command = new ArrayList<>(command().orElseThrow(() -> new IllegalStateException(
                "moto is not installed: pip install 'moto[server]'")));
        int port = freePort();
        command.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
        try {
            Path logFile = Files.createTempFile("natconsole-sandbox-", ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            awaitReady(port);
            log.info("Local sandbox (moto) listening on 127.0.0.1:{}, log {}", port, logFile);
        } catch (IOException e) {
            throw new IllegalStateException("could not start moto_server: " + e.getMessage(), e);
        }
        String endpoint = "http://127.0.0.1:" + port;
        return sandboxTarget()
                .map(existing -> targets.moveEndpoint(existing.id(), endpoint))
                .orElseGet(() -> targets.create(new NewTarget(TARGET_NAME, TargetKind.EMULATOR, endpoint, null,
                        REGION)));
    }

    /** Brings the sandbox back after a restart, so the target a user registered earlier answers again. */
    @EventListener(ApplicationReadyEvent.class)
    void restartIfRegistered() {
        if (sandboxTarget().isPresent() && available()) {
            try {
                start();
            } catch (RuntimeException e) {
                log.warn("Could not restart the local sandbox: {}", e.getMessage());
            }
        }
    }

    private Optional<Target> sandboxTarget() {
        return targets.list().stream().filter(target -> target.name().equals(TARGET_NAME)).findFirst();
    }

    private static Optional<List<String>> findCommand() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "moto_server"))) {
                return Optional.of(List.of(Path.of(dir, "moto_server").toString()));
            }
        }
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import moto.server").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return Optional.of(List.of("python3", "-m", "moto.server"));
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private void awaitReady(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        URI probe = URI.create("http://127.0.0.1:" + port + "/moto-api/");
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        destroy();
        throw new IllegalStateException("moto_server did not start within 60 seconds");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    @Override
    public synchronized void destroy() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }
}

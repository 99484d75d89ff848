package dev.natconsole.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL server from the machine's PostgreSQL 15 binaries, on a free loopback port, with trust
 * authentication for the user {@code natconsole}. PostgreSQL refuses to run as root, so under root (as in CI)
 * it runs as the {@code postgres} system user. A missing installation fails with the install command.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final List<Path> BIN_DIRS = List.of(Path.of("/usr/lib/postgresql/15/bin"),
            Path.of("/usr/lib/postgresql/16/bin"), Path.of("/usr/lib/postgresql/17/bin"));

    private final Path bin;
    private final Path dataDir;
    private final int port;

    private LocalPostgres(Path bin, Path dataDir, int port) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
    }

    public static LocalPostgres start() {
        Path bin = BIN_DIRS.stream().filter(dir -> Files.isExecutable(dir.resolve("initdb"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries are missing: "
                        + "apt-get install -y postgresql"));
        try {
            Path dataDir = Files.createTempDirectory("natconsole-pg-");
            int port = freePort();
            LocalPostgres server = new LocalPostgres(bin, dataDir, port);
            if (isRoot()) {
                run(List.of("chown", "-R", "postgres:postgres", dataDir.toString()));
            }
            server.asOwner(List.of(bin.resolve("initdb").toString(), "-D", dataDir.resolve("data").toString(),
                    "-U", "natconsole", "--auth=trust", "-E", "UTF8", "--no-sync"));
            server.asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-w",
                    "-l", dataDir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String username() {
        return "natconsole";
    }

    @Override
    public void close() {
        asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-m", "fast",
                "-w", "stop"));
    }

    private void asOwner(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

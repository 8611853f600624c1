package io.heavylegs.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL server per JVM, reused across dev-mode reloads and test restarts.
 *
 * <p>With a data directory the data is kept and written durably (fsync on; zonky's defaults are meant for
 * throwaway test data). Without one the server lives in a temporary directory that is removed on exit.
 */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgresServer running;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    static synchronized EmbeddedPostgresServer start(Path dataDirectory) {
        if (running == null) {
            running = new EmbeddedPostgresServer(launch(dataDirectory), dataDirectory);
        }
        return running;
    }

    /** Where the running embedded server keeps its data; empty without one, or for a throwaway one. */
    static synchronized Optional<Path> dataDirectory() {
        return running == null ? Optional.empty() : Optional.ofNullable(running.dataDirectory);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    private static EmbeddedPostgres launch(Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky's own shutdown hook stops the server (and removes a throwaway data directory)
                    .setRegisterShutdownHook(true)
                    .setServerConfig("timezone", "UTC");
            if (dataDirectory != null) {
                Path dir = dataDirectory;
                Files.createDirectories(dir);
                stopOrphanedPostmaster(dir);
                builder.setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
                LOG.infof("Starting embedded PostgreSQL with its data in %s", dir);
            } else {
                LOG.info("Starting a throwaway embedded PostgreSQL");
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.infof("Embedded PostgreSQL is listening on port %d", postgres.getPort());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * A JVM killed without its shutdown hook leaves its postmaster running on the data directory, and a new
     * server cannot start there until it is gone.
     */
    private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        if (postmaster.isPresent() && postmaster.get().isAlive()) {
            LOG.warnf("Stopping an orphaned PostgreSQL (pid %d) left on %s", postmaster.get().pid(), dataDirectory);
            postmaster.get().destroy();
            try {
                postmaster.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                postmaster.get().destroyForcibly();
            }
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

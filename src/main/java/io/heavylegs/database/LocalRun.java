package io.heavylegs.database;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.heavylegs.web.HeavyLegsConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * What a person running HeavyLegs on their own machine needs to see and rely on: one line when the app is ready
 * (where to open it, where its data lives), and, under {@code ./mvnw quarkus:run}, an app that stops when the
 * Maven process that started it is stopped. Maven does not pass a signal on to the app it runs, so an IDE's stop
 * button or {@code kill} left the app and its embedded PostgreSQL running.
 */
@ApplicationScoped
public class LocalRun {

    private static final Logger LOG = Logger.getLogger(LocalRun.class);

    @Inject
    HeavyLegsConfig config;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    /** Last of the start-up observers: the articles are synchronised and the database is migrated. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        Optional<Path> dataDirectory = EmbeddedPostgresServer.dataDirectory();
        LOG.infof("HeavyLegs is ready at http://localhost:%d/ — %s", port, dataDirectory
                .map(dir -> "data in " + dir + " (embedded PostgreSQL)")
                .orElse("data in the configured PostgreSQL"));
        if (config.exitWithParent()) {
            ProcessHandle.current().parent().ifPresent(LocalRun::stopWith);
        }
    }

    /** Polls twice a second on a daemon thread: see {@link ParentWatch} for why the parent's exit is not enough. */
    private static void stopWith(ProcessHandle parent) {
        Thread watch = new Thread(() -> {
            while (!ParentWatch.isStopping(parent)) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            LOG.info("The process that started HeavyLegs is stopping; stopping too");
            Quarkus.asyncExit();
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}

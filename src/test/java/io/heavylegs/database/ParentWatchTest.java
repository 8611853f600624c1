package io.heavylegs.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Maven under {@code quarkus:run} as the app sees it: a JVM whose shutdown hook waits (for the app) after a SIGTERM.
 * Its exit never comes, so the app must see the stop itself; before {@link ParentWatch}, {@code kill MAVEN_PID}
 * left the app and its embedded PostgreSQL running (issue 13).
 */
@EnabledOnOs(OS.LINUX)
class ParentWatchTest {

    /** Stands in for Maven: after a stop signal its shutdown hook waits, as Maven's waits for the app it runs. */
    public static final class WaitingParent {
        public static void main(String[] args) throws InterruptedException {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> sleep(60_000)));
            System.out.println("ready");
            System.out.flush();
            sleep(120_000);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aParentWhoseShutdownWaitsIsSeenStoppingAsSoonAsItIsSignalled() throws Exception {
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WaitingParent.class.getName())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());
            assertFalse(ParentWatch.isStopping(parent.toHandle()), "a running parent is not stopping");

            parent.destroy(); // SIGTERM, as kill PID or an IDE's stop button sends
            boolean seen = false;
            for (int i = 0; i < 100 && !seen; i++) {
                seen = ParentWatch.isStopping(parent.toHandle());
                Thread.sleep(100);
            }
            assertTrue(seen, "the signalled parent is seen stopping within 10 s");
            assertTrue(parent.isAlive(), "while its shutdown hook still waits, as Maven's does");
        } finally {
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(ParentWatch.isStopping(parent.toHandle()), "a parent that has exited is stopping too");
    }
}

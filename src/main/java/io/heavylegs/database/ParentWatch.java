package io.heavylegs.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether the process that started the app is stopping. {@code ./mvnw quarkus:run}'s Maven does not pass its stop
 * signal on: on SIGTERM its shutdown hook waits for the app to end by itself, so "until Maven has exited" never
 * comes and both keep running. A JVM that received a stop signal runs its shutdown in a thread named after the
 * signal, and Linux shows every thread's name in {@code /proc/PID/task/TID/comm}; that is what this reads. Where
 * {@code /proc} cannot be read, only the parent's exit counts.
 */
final class ParentWatch {

    /** The JDK's thread names for the signals that stop a JVM (java.lang.Terminator). */
    static final Set<String> STOP_SIGNAL_THREADS = Set.of("SIGTERM handler", "SIGINT handler", "SIGHUP handler");

    private ParentWatch() {
    }

    static boolean isStopping(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.anyMatch(thread -> STOP_SIGNAL_THREADS.contains(name(thread)));
        } catch (IOException | SecurityException e) {
            return !process.isAlive();
        }
    }

    private static String name(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the thread ended while we looked
        }
    }
}

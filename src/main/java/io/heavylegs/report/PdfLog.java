package io.heavylegs.report;

import java.util.logging.Level;

import org.jboss.logging.Logger;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;

/**
 * openhtmltopdf's log messages through the application's log, warnings and worse only. Its default logger writes
 * to the console itself, past the application's format and levels: eight raw lines for every PDF.
 */
final class PdfLog implements XRLogger {

    private static final Logger LOG = Logger.getLogger("com.openhtmltopdf");

    private PdfLog() {
    }

    /** Installs this logger for the whole process; openhtmltopdf keeps its logger in a static field. */
    static void install() {
        XRLog.setLoggerImpl(new PdfLog());
    }

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable failure) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            LOG.errorf(failure, "%s: %s", where, message);
        } else if (level.intValue() >= Level.WARNING.intValue()) {
            LOG.warnf(failure, "%s: %s", where, message);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // The level is the application's (WARN); openhtmltopdf's own settings are ignored.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return diagnostic.getLevel().intValue() >= Level.WARNING.intValue();
    }
}

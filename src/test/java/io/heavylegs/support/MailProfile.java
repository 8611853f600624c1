package io.heavylegs.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The app with a real SMTP server ({@link SmtpServer}) instead of the test default, quarkus-mailer's mock mode. */
public class MailProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SmtpServer.class));
    }
}

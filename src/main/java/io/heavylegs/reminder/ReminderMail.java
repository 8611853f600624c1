package io.heavylegs.reminder;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.heavylegs.account.Mailbox;
import io.heavylegs.web.Formats;
import io.heavylegs.web.HeavyLegsConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The reminder e-mail. It holds no health data at all (no symptom, mark, count or note, not even the user's name):
 * a mail sits unencrypted in mailboxes and on servers the user does not control, and anyone glancing at a phone's
 * lock screen sees its subject. Only the link to a new entry, the reminder's own time, and how to stop it.
 */
@ApplicationScoped
public class ReminderMail {

    static final String SUBJECT = "Time for today's entry";

    @CheckedTemplate(basePath = "Mails")
    static class Mails {
        static native TemplateInstance reminder(String newEntryLink, String time, String zone, String unsubscribeLink,
                String accountLink);
    }

    @Inject
    Mailbox mailbox;

    @Inject
    UnsubscribeLinks unsubscribeLinks;

    @Inject
    HeavyLegsConfig config;

    void send(ReminderJob.Due due) {
        String unsubscribe = unsubscribeLinks.linkFor(due.userId(), due.email());
        String text = Mails.reminder(config.origin() + "/journal/new", Formats.clock(due.reminderTime()),
                due.zone().getId(), unsubscribe, config.origin() + "/account#profile").render();
        // RFC 2369: mail clients show their own "unsubscribe" for it, which opens the same confirmation page.
        // RFC 8058: or the provider POSTs the one-click body to it itself (OneClickUnsubscribe).
        // RFC 3834: an automatic mail, so that out-of-office replies do not answer it.
        mailbox.send(due.email(), SUBJECT, text, Map.of("List-Unsubscribe", "<" + unsubscribe + ">",
                "List-Unsubscribe-Post", OneClickUnsubscribe.ONE_CLICK, "Auto-Submitted", "auto-generated"));
    }
}

package io.heavylegs.journal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.heavylegs.codes.Symptom;
import io.heavylegs.account.User;
import io.heavylegs.support.TestUser;

/** Entries written straight through the service, for tests that need many of them quickly. */
@ApplicationScoped
public class JournalFixtures {

    @Inject
    JournalService journal;

    @Transactional
    public long ownerId(TestUser user) {
        return User.findByEmail(user.email).orElseThrow().id;
    }

    public JournalEntry add(TestUser user, LocalDate date, int severity, Symptom... symptoms) {
        return journal.create(ownerId(user), new EntryValues(date, null, severity, null, Set.of(symptoms), Set.of(), null));
    }

    public JournalEntry add(TestUser user, EntryValues values) {
        return journal.create(ownerId(user), values);
    }

    /** An entry for a user known by e-mail only (one registered through a browser). */
    public JournalEntry add(String email, EntryValues values) {
        return journal.create(ownerIdOf(email), values);
    }

    @Transactional
    public long ownerIdOf(String email) {
        return User.findByEmail(email).orElseThrow().id;
    }

    @Transactional
    public JournalEntry stored(long id) {
        return JournalEntry.findById(id);
    }

    /** A stored array column of an entry as PostgreSQL holds it, codes in stored order. */
    @Transactional
    public String[] storedCodes(long id, String column) {
        Object codes = JournalEntry.getEntityManager()
                .createNativeQuery("SELECT " + column + " FROM journal_entry WHERE id = :id")
                .setParameter("id", id).getSingleResult();
        return (String[]) codes;
    }

    public static EntryValues values(LocalDate date, LocalTime time, int severity) {
        return new EntryValues(date, time, severity, null, Set.of(), Set.of(), null);
    }
}

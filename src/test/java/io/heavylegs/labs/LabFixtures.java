package io.heavylegs.labs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads lab results straight from the database, to check what a request stored or left alone. */
@ApplicationScoped
public class LabFixtures {

    @Transactional
    public LabResult stored(long id) {
        return LabResult.findById(id);
    }

    @Transactional
    public long countOwnedBy(String email) {
        return LabResult.count("ownerId = (select u.id from User u where u.email = ?1)", email);
    }
}

package io.heavylegs.treatment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads treatments straight from the database, to check what a request stored or left alone. */
@ApplicationScoped
public class TreatmentFixtures {

    @Transactional
    public Treatment stored(long id) {
        return Treatment.findById(id);
    }

    @Transactional
    public long countOwnedBy(String email) {
        return Treatment.count("ownerId = (select u.id from User u where u.email = ?1)", email);
    }
}

package io.heavylegs.web;

import java.util.Optional;

import io.quarkus.qute.TemplateInstance;

/**
 * A feature's form pages that can be shown again holding what was typed ({@link FormRefill}): given the path a
 * POST went to, the page whose form posts there, rendered as its GET would render it (it asks {@link FormRefill}
 * for the typed form). Empty when that POST has no such page, or the page is not the user's (another user's id).
 */
public interface RefillablePages {

    Optional<TemplateInstance> pageFor(String postPath);
}

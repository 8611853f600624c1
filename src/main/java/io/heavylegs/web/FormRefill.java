package io.heavylegs.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.jboss.resteasy.reactive.RestForm;

/**
 * A form shown again holding what was typed into it, when the POST that carried it could not be taken: its CSRF
 * token had expired or was missing ({@link CsrfGuard} shows the form page at once, status 400, nothing stored), or
 * the session had ended (the account feature keeps the form and offers it here after the next login). Form pages
 * ask {@link #restore} for their form before making a blank one; the layout shows {@link #getMessage}. Either way
 * the form is only shown, never saved: the user checks it and saves it.
 */
@RequestScoped
@Named("formRefill")
public class FormRefill {

    /**
     * The cookie naming a browser whose form was kept after its session ended (account/KeptForms): a random id, the
     * only link between the browser and the kept form. Named here so that web/CookieRules treats it like the others.
     */
    public static final String KEPT_COOKIE = "heavylegs-kept";

    /** Why a form is shown again; each has its own words on the page. */
    public enum Reason {
        EXPIRED_TOKEN("This form had expired; check it and save again."),
        SIGNED_OUT("You were signed out before this was saved. Here is what you typed: check it and save it.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    /** What was typed into the form that posts to {@code postPath}: every field but the token and passwords. */
    public record Typed(Reason reason, String postPath, Map<String, List<String>> fields) {

        public Typed {
            Map<String, List<String>> kept = new LinkedHashMap<>();
            fields.forEach((name, values) -> {
                if (isKept(name)) {
                    kept.put(name, List.copyOf(values));
                }
            });
            fields = Map.copyOf(kept);
        }

        /** Never the token (a fresh one comes with the page), never a password (the contract). */
        static boolean isKept(String name) {
            return !name.equals("csrf-token") && !name.toLowerCase(Locale.ROOT).contains("password");
        }
    }

    private Typed typed;

    /** Offers {@code form} to the page this request renders. */
    public void offer(Typed form) {
        typed = form;
    }

    /**
     * The form posting to {@code postPath} as it was typed, when this request shows one again; otherwise empty
     * and the page makes its usual form. Fields are bound by their {@code @RestForm} names, text as text, so the
     * form comes back exactly as it was left.
     */
    public <F extends Form> Optional<F> restore(String postPath, Supplier<F> blank) {
        if (typed == null || !typed.postPath().equals(postPath)) {
            return Optional.empty();
        }
        F form = blank.get();
        for (Class<?> type = form.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                bind(form, field);
            }
        }
        return Optional.of(form);
    }

    public boolean isShown() {
        return typed != null;
    }

    /** The words the layout shows above a form shown again. */
    public String getMessage() {
        return typed == null ? null : typed.reason().message;
    }

    public Reason reason() {
        return typed == null ? null : typed.reason();
    }

    private void bind(Object form, Field field) {
        RestForm annotation = field.getAnnotation(RestForm.class);
        if (annotation == null || Modifier.isStatic(field.getModifiers()) || !Modifier.isPublic(field.getModifiers())) {
            return;
        }
        String name = annotation.value().isEmpty() ? field.getName() : annotation.value();
        if (!Typed.isKept(name)) {
            return;
        }
        List<String> values = typed.fields().getOrDefault(name, List.of());
        try {
            if (field.getType() == String.class) {
                field.set(form, values.isEmpty() ? null : values.get(0));
            } else if (field.getType() == List.class) {
                field.set(form, new ArrayList<>(values));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("A form's @RestForm fields are public", e);
        }
    }
}

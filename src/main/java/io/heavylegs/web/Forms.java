package io.heavylegs.web;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** The one way every form is checked: its annotations, then its own cross-field rules, as messages per field. */
public final class Forms {

    private Forms() {
    }

    public static FormErrors validate(Form form) {
        Validator validator = CDI.current().select(Validator.class).get();
        Set<ConstraintViolation<Form>> violations = validator.validate(form);
        List<String> fieldOrder = fieldOrder(form.getClass());
        FormErrors errors = new FormErrors(fieldOrder);
        // @NotBlank and @NotNull first, so an empty field says "enter it" rather than "too short".
        violations.stream()
                .sorted(Comparator.comparing(Forms::isPresenceCheck).reversed()
                        .thenComparing(v -> v.getMessage()))
                .forEach(v -> errors.add(v.getPropertyPath().toString(), v.getMessage()));
        form.checkTogether(errors);
        return errors;
    }

    /** The form's fields in declaration order, which is the order the page shows them. */
    private static List<String> fieldOrder(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<String> own = new ArrayList<>();
            for (Field field : c.getDeclaredFields()) {
                own.add(field.getName());
            }
            names.addAll(0, own);
        }
        return names;
    }

    private static boolean isPresenceCheck(ConstraintViolation<?> violation) {
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return annotation.equals("NotBlank") || annotation.equals("NotNull") || annotation.equals("NotEmpty");
    }
}

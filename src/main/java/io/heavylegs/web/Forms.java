package io.heavylegs.web;

import java.util.Comparator;
import java.util.Set;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Bean Validation for form objects, turned into messages per field instead of an exception. */
public final class Forms {

    private Forms() {
    }

    public static <T> FormErrors validate(T form) {
        Validator validator = CDI.current().select(Validator.class).get();
        Set<ConstraintViolation<T>> violations = validator.validate(form);
        FormErrors errors = new FormErrors();
        // @NotBlank and @NotNull first, so an empty field says "enter it" rather than "too short".
        violations.stream()
                .sorted(Comparator.comparing(Forms::isPresenceCheck).reversed())
                .forEach(v -> errors.add(v.getPropertyPath().toString(), v.getMessage()));
        return errors;
    }

    private static boolean isPresenceCheck(ConstraintViolation<?> violation) {
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return annotation.equals("NotBlank") || annotation.equals("NotNull") || annotation.equals("NotEmpty");
    }
}

package io.heavylegs.web;

/**
 * What free text a form accepts, decided once for every form: no control characters but line breaks and tabs
 * (PostgreSQL cannot store NUL, and none belongs in a note), and none of the code points XML 1.0 forbids (lone
 * surrogates, U+FFFE, U+FFFF), which would make every PDF holding the text impossible to render.
 */
public final class TextInput {

    /** How much of a refused value a message may quote back. */
    private static final int QUOTE_LIMIT = 40;

    private TextInput() {
    }

    /**
     * Optional text of several lines: CRLF counted as one character (as the browser's {@code maxlength} does),
     * surrounding blanks removed; null when blank. A problem is added for {@code field} and null returned.
     */
    public static String multiLine(String typed, int limit, String field, String label, FormErrors errors) {
        return text(typed == null ? null : typed.replace("\r\n", "\n"), limit, true, field, label, errors);
    }

    /** Optional text of one line; null when blank. */
    public static String singleLine(String typed, int limit, String field, String label, FormErrors errors) {
        return text(typed, limit, false, field, label, errors);
    }

    /** Whether the text holds a character no form accepts. */
    public static boolean hasForbiddenCharacter(String text, boolean lineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                    || Character.isISOControl(c) && !(c == '\t' || lineBreaks && (c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }

    /** The text with every forbidden character removed: for stored text that predates these rules. */
    public static String withoutForbiddenCharacters(String text) {
        if (text == null || !hasForbiddenCharacter(text, true)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else if (!(Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                    || Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    /** A typed value as a message may quote it: short, and without characters that could not be shown. */
    public static String quoted(String typed) {
        String clean = withoutForbiddenCharacters(typed).strip();
        return clean.length() > QUOTE_LIMIT ? clean.substring(0, QUOTE_LIMIT) + "\u2026" : clean;
    }

    private static String text(String typed, int limit, boolean lineBreaks, String field, String label,
            FormErrors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String value = typed.strip();
        if (hasForbiddenCharacter(value, lineBreaks)) {
            errors.add(field, label + " cannot contain control characters (such as NUL or escape codes)"
                    + (lineBreaks ? "" : " or line breaks") + ". Remove them, or retype the text.");
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length > limit) {
            errors.add(field, label + " can be at most " + limit + " characters; this has " + length
                    + ". Shorten it a little.");
            return null;
        }
        return value;
    }
}

package eu.borderviolence.registry.core.api;

/** Normalises optional free text in value types: blank becomes absent, length is bounded. */
final class Text {

    private Text() {
    }

    static String optional(String value, int maxLength, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw new IllegalArgumentException(what + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    static String required(String value, int maxLength, String what) {
        String text = optional(value, maxLength, what);
        if (text == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return text;
    }
}

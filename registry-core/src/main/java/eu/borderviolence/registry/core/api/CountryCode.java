package eu.borderviolence.registry.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code in upper case, such as {@code RS}, {@code HU} or {@code AF}.
 *
 * <p>{@code XK} (Kosovo) is accepted as well: it is user-assigned in ISO 3166 but used by the EU and UNHCR, and
 * people on the move are pushed back across its borders.
 */
@Schema(type = "string", pattern = "^[A-Z]{2}$", example = "RS",
        description = "ISO 3166-1 alpha-2 country code in upper case (XK for Kosovo).")
public record CountryCode(String code) {

    private static final Set<String> KNOWN = known();

    public CountryCode {
        if (code == null || !KNOWN.contains(code)) {
            throw new IllegalArgumentException("must be an ISO 3166-1 alpha-2 country code in upper case");
        }
    }

    @JsonCreator
    public static CountryCode of(String code) {
        return new CountryCode(code);
    }

    private static Set<String> known() {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add("XK");
        return Set.copyOf(codes);
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}

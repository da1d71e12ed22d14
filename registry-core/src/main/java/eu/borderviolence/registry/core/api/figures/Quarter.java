package eu.borderviolence.registry.core.api.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2023-Q3}. */
public record Quarter(int year, int number) {

    private static final Pattern FORMAT = Pattern.compile("^(\\d{4})-Q([1-4])$");

    public Quarter {
        if (year < 1990 || year > 2999) {
            throw new IllegalArgumentException("the year must be between 1990 and 2999");
        }
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("a quarter is numbered 1 to 4");
        }
    }

    /** Parses {@code 2023-Q3}. */
    public static Quarter parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("must be a quarter such as 2023-Q3");
        }
        return new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return YearMonth.of(year, number * 3).atEndOfMonth();
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}

package eu.borderviolence.registry.api.views;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The quarterly report as CSV for spreadsheets (RFC 4180, CRLF line ends): one figure per line, with the columns
 * {@code section,key,incidents,people,percent}; a column a figure has no value for, or whose value is suppressed,
 * is empty, and a suppressed line says so in its key ("AF (suppressed)").
 *
 * <p>Written from the report's JSON, after small-cell suppression, so CSV and JSON always show the same figures.
 */
final class QuarterlyReportCsv {

    private QuarterlyReportCsv() {
    }

    static String write(JsonNode report) {
        StringBuilder csv = new StringBuilder("section,key,incidents,people,percent\r\n");
        line(csv, "quarter", report.path("quarter").asText(), null, null, null);
        JsonNode total = report.path("total");
        line(csv, "total", "incidents", total.get("incidents"), total.get("people"), null);
        line(csv, "total", "minors", null, total.get("minors"), null);
        line(csv, "total", "unaccompanied minors", null, total.get("unaccompaniedMinors"), null);
        line(csv, "total", "children under 14", null, total.get("childrenUnder14"), null);
        line(csv, "total", "women", null, total.get("women"), null);
        line(csv, "total", "asylum refused", total.get("asylumRefused"), null, null);
        count(csv, "pushbacks", report.path("pushbacks"));
        count(csv, "chain pushbacks", report.path("chainPushbacks"));
        count(csv, "frontex", report.path("frontex"));
        count(csv, "foreign officers", report.path("foreignOfficers"));
        for (JsonNode share : report.path("nationalities")) {
            line(csv, "nationality", key(share, share.path("nationality").asText()), null, share.get("people"),
                    share.get("percent"));
        }
        line(csv, "nationality", "unrecorded", null, report.get("peopleOfUnrecordedNationality"), null);
        counts(csv, "border", report.path("pushbacksPerBorder"));
        counts(csv, "exit point", report.path("exitPoints"));
        counts(csv, "entry point", report.path("entryPoints"));
        total.path("violations").fields().forEachRemaining(violation ->
                line(csv, "violation", violation.getKey(), violation.getValue(), null, null));
        return csv.toString();
    }

    private static void counts(StringBuilder csv, String section, JsonNode counts) {
        counts.forEach(count -> line(csv, section, key(count, count.path("key").asText()), count.get("incidents"),
                count.get("people"), null));
    }

    private static void count(StringBuilder csv, String section, JsonNode count) {
        line(csv, section, key(count, "all"), count.get("incidents"), count.get("people"), null);
    }

    private static String key(JsonNode line, String key) {
        return line.path("suppressed").asBoolean() ? key + " (suppressed)" : key;
    }

    private static void line(StringBuilder csv, String section, String key, JsonNode incidents, JsonNode people,
                             JsonNode percent) {
        csv.append(field(section)).append(',').append(field(key)).append(',')
                .append(number(incidents)).append(',').append(number(people)).append(',')
                .append(percent == null || !percent.isNumber() ? "" : String.format(java.util.Locale.ROOT, "%.1f",
                        percent.asDouble()))
                .append("\r\n");
    }

    private static String number(JsonNode value) {
        return value == null || !value.isNumber() ? "" : value.asText();
    }

    /** Quotes a field that holds a comma, a quote or a line break, doubling its quotes. */
    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}

package eu.borderviolence.registry.api.views;

import eu.borderviolence.registry.core.api.figures.Count;
import eu.borderviolence.registry.core.api.figures.NationalityShare;
import eu.borderviolence.registry.core.api.figures.QuarterlyReport;

import java.util.List;
import java.util.Locale;

/**
 * The quarterly report as CSV for spreadsheets (RFC 4180, CRLF line ends): one figure per line, with the columns
 * {@code section,key,incidents,people,percent}; a column a figure has no value for is empty.
 */
final class QuarterlyReportCsv {

    private QuarterlyReportCsv() {
    }

    static String write(QuarterlyReport report) {
        StringBuilder csv = new StringBuilder("section,key,incidents,people,percent\r\n");
        line(csv, "quarter", report.quarter(), null, null, null);
        line(csv, "total", "incidents", report.total().incidents(), report.total().people(), null);
        line(csv, "total", "minors", null, report.total().minors(), null);
        line(csv, "total", "unaccompanied minors", null, report.total().unaccompaniedMinors(), null);
        line(csv, "total", "children under 14", null, report.total().childrenUnder14(), null);
        line(csv, "total", "women", null, report.total().women(), null);
        line(csv, "total", "asylum refused", report.total().asylumRefused(), null, null);
        count(csv, "pushbacks", report.pushbacks());
        count(csv, "chain pushbacks", report.chainPushbacks());
        count(csv, "frontex", report.frontex());
        count(csv, "foreign officers", report.foreignOfficers());
        for (NationalityShare share : report.nationalities()) {
            line(csv, "nationality", share.nationality().code(), null, share.people(),
                    String.format(Locale.ROOT, "%.1f", share.percent()));
        }
        line(csv, "nationality", "unrecorded", null, report.peopleOfUnrecordedNationality(), null);
        counts(csv, "border", report.pushbacksPerBorder());
        counts(csv, "exit point", report.exitPoints());
        counts(csv, "entry point", report.entryPoints());
        report.total().violations().forEach((code, incidents) ->
                line(csv, "violation", code.name(), incidents, null, null));
        return csv.toString();
    }

    private static void counts(StringBuilder csv, String section, List<Count> counts) {
        counts.forEach(count -> line(csv, section, count.key(), count.incidents(), count.people(), null));
    }

    private static void count(StringBuilder csv, String section, Count count) {
        line(csv, section, "all", count.incidents(), count.people(), null);
    }

    private static void line(StringBuilder csv, String section, String key, Long incidents, Long people,
                             String percent) {
        csv.append(field(section)).append(',').append(field(key)).append(',')
                .append(incidents == null ? "" : incidents).append(',')
                .append(people == null ? "" : people).append(',')
                .append(percent == null ? "" : percent).append("\r\n");
    }

    /** Quotes a field that holds a comma, a quote or a line break, doubling its quotes. */
    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}

package io.heavylegs.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.heavylegs.journal.EntryView;

/**
 * The entries of a report as CSV with the contract's columns, RFC 4180 quoting, codes inside a cell separated
 * by {@code ;}.
 */
public final class CsvExport {

    public static final String[] COLUMNS = { "date", "time", "severity", "side", "symptoms", "factors", "notes",
        "marks" };
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(COLUMNS).get();

    private CsvExport() {
    }

    public static String write(List<EntryView> entries) {
        StringWriter csv = new StringWriter(128 + entries.size() * 96);
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            for (EntryView entry : entries) {
                printer.printRecord(
                        entry.date().toString(),
                        entry.time() == null ? "" : entry.time().format(CLOCK),
                        Integer.toString(entry.severity()),
                        entry.side() == null ? "" : entry.side().code,
                        entry.symptoms().stream().map(s -> s.code).collect(Collectors.joining(";")),
                        entry.factors().stream().map(f -> f.code).collect(Collectors.joining(";")),
                        neutralised(entry.notes() == null ? "" : entry.notes()),
                        entry.marks().stream().map(m -> m.code).collect(Collectors.joining(";")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to a string cannot fail", e);
        }
        return csv.toString();
    }

    /**
     * A spreadsheet runs a cell that begins with = + - @ (or a tab or carriage return before one) as a formula;
     * a leading apostrophe makes it text. Only the notes are free text: the other columns are dates, numbers
     * and codes that cannot begin with these.
     */
    static String neutralised(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}

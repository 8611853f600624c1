package io.heavylegs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Symptom;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Side;
import io.heavylegs.journal.EntryView;

class CsvExportTest {

    @Test
    void writesTheContractColumnsAndParsesBack() throws IOException {
        EntryView full = new EntryView(0, LocalDate.of(2026, 3, 2), LocalTime.of(8, 5), 7, Side.LEFT,
                Set.of(Symptom.RESTLESS_LEGS, Symptom.PALE_SKIN), Set.of(Factor.VEGAN_DIET),
                "Müdigkeit, 疲労\n\"second\" line", List.of(MarkCode.IRON, MarkCode.URGENT));
        EntryView bare = new EntryView(0, LocalDate.of(2026, 3, 3), null, 0, null, Set.of(), Set.of(), null, List.of());

        String csv = CsvExport.write(List.of(full, bare));

        assertEquals("date,time,severity,side,symptoms,factors,notes,marks\r\n", csv.substring(0, csv.indexOf('\n') + 1));
        List<CSVRecord> records = parse(csv);
        assertEquals(List.of("2026-03-02", "08:05", "7", "left", "restless-legs;pale-skin", "vegan-diet",
                "Müdigkeit, 疲労\n\"second\" line", "urgent;iron"), records.get(0).toList());
        assertEquals(List.of("2026-03-03", "", "0", "", "", "", "", ""), records.get(1).toList());
    }

    @Test
    void neutralisesFormulasInNotes() throws IOException {
        for (String formula : List.of("=HYPERLINK(\"x\")", "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1")) {
            EntryView entry = new EntryView(0, LocalDate.of(2026, 3, 2), null, 1, null, Set.of(), Set.of(), formula,
                    List.of());

            assertEquals("'" + formula, parse(CsvExport.write(List.of(entry))).get(0).get("notes"));
        }
    }

    @Test
    void leavesOrdinaryNotesAlone() {
        assertEquals("walked 5 km", CsvExport.neutralised("walked 5 km"));
        assertEquals("", CsvExport.neutralised(""));
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }
}

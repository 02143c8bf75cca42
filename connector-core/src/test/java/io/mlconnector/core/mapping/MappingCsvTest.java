package io.mlconnector.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingCsvTest {
    private static final String CONN = "conn-a";
    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");

    private final MappingCsv csv = new MappingCsv();

    private List<Mapping> read(String text) {
        return csv.read(new StringReader(text), CONN, AT);
    }

    private MappingFormatException readFails(String text) {
        MappingFormatException e = catchThrowableOfType(MappingFormatException.class, () -> read(text));
        assertThat(e).as("expected a MappingFormatException").isNotNull();
        return e;
    }

    @Test
    void export_writesTheDocumentedHeader_andOneSortedRowPerMapping() {
        InMemoryMappingStore store = new InMemoryMappingStore();
        store.put(new Mapping(CONN, MappingKind.GL_ACCOUNT, "17", "01-100", Map.of("costType", "M"),
                MappingStatus.CONFIRMED, "Materials", AT));
        store.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "9001"));
        store.put(new Mapping(CONN, MappingKind.VENDOR, "7", "9002", Map.of(), MappingStatus.SUGGESTED, null, AT));
        store.put(Mapping.confirmed("conn-b", MappingKind.VENDOR, "1", "x"));
        StringWriter out = new StringWriter();

        csv.exportFrom(store, CONN, out);

        assertThat(out.toString()).isEqualTo("""
                kind,source_id,target_id,cost_type,status,label
                VENDOR,42,9001,,CONFIRMED,
                VENDOR,7,9002,,SUGGESTED,
                GL_ACCOUNT,17,01-100,M,CONFIRMED,Materials
                """);
    }

    @Test
    void export_neutralisesSpreadsheetFormulas_andImportGivesBackTheExactText() {
        List<Mapping> in = List.of(
                new Mapping(CONN, MappingKind.VENDOR, "42", "9001", Map.of(), MappingStatus.CONFIRMED,
                        "=HYPERLINK(\"http://evil.example\",\"Acme\")", AT),
                new Mapping(CONN, MappingKind.VENDOR, "43", "9002", Map.of(), MappingStatus.CONFIRMED, "+1 Builders", AT),
                new Mapping(CONN, MappingKind.VENDOR, "44", "9003", Map.of(), MappingStatus.CONFIRMED, "@SUM(A1)", AT),
                new Mapping(CONN, MappingKind.VENDOR, "45", "9004", Map.of(), MappingStatus.CONFIRMED, "-2+3", AT),
                new Mapping(CONN, MappingKind.VENDOR, "46", "9005", Map.of(), MappingStatus.CONFIRMED, "'=already", AT),
                new Mapping(CONN, MappingKind.VENDOR, "47", "9006", Map.of(), MappingStatus.CONFIRMED, "'quoted'", AT));
        StringWriter out = new StringWriter();
        csv.write(in, out);

        String text = out.toString();
        // no cell starts with a formula character: a spreadsheet shows the text instead of evaluating it
        assertThat(text.lines().skip(1).map(l -> l.substring(l.lastIndexOf(",") + 1).replace("\"", "")))
                .noneMatch(cell -> !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0);
        assertThat(text).contains(",'+1 Builders").contains(",'@SUM(A1)").contains(",'-2+3").contains(",''=already")
                .contains(",'quoted'");
        assertThat(read(text)).containsExactlyInAnyOrderElementsOf(in);
    }

    @Test
    void roundTrip_keepsKindIdsCostTypeStatusAndLabel_includingAwkwardText() {
        List<Mapping> in = List.of(
                new Mapping(CONN, MappingKind.GL_ACCOUNT, "17", "01-100", Map.of("costType", "M"),
                        MappingStatus.SUGGESTED, "Steel, rebar & \"special\" items", AT),
                new Mapping(CONN, MappingKind.VENDOR, "42", "9001", Map.of(), MappingStatus.CONFIRMED,
                        "two\nlines", AT),
                new Mapping(CONN, MappingKind.COST_CODE_CATEGORY, "01-100", "cat-5", Map.of(), MappingStatus.CONFIRMED,
                        "  padded  ", AT));
        StringWriter out = new StringWriter();
        csv.write(in, out);

        List<Mapping> back = read(out.toString());

        assertThat(back).containsExactlyInAnyOrderElementsOf(in);
    }

    @Test
    void import_acceptsCrLf_bom_blankLines_caseInsensitiveKinds_andDefaultsStatus() {
        InMemoryMappingStore store = new InMemoryMappingStore();
        String file = "\uFEFFkind,source_id,target_id,cost_type,status,label\r\n"
                + "vendor,42,9001,,,Acme Steel\r\n"
                + "\r\n"
                + "gl_account,17,01-100,L,suggested,\r\n";

        int n = csv.importInto(store, new StringReader(file), CONN, AT);

        assertThat(n).isEqualTo(2);
        Mapping vendor = store.find(CONN, MappingKind.VENDOR, "42").orElseThrow();
        assertThat(vendor.status()).isEqualTo(MappingStatus.CONFIRMED);
        assertThat(vendor.label()).isEqualTo("Acme Steel");
        assertThat(vendor.updatedAt()).isEqualTo(AT);
        Mapping gl = store.find(CONN, MappingKind.GL_ACCOUNT, "17").orElseThrow();
        assertThat(gl.attribute("costType")).isEqualTo("L");
        assertThat(gl.status()).isEqualTo(MappingStatus.SUGGESTED);
        assertThat(gl.label()).isNull();
    }

    @Test
    void lastLineWithoutNewline_isRead() {
        assertThat(read(MappingCsv.HEADER + "\nVENDOR,1,2,,,")).hasSize(1);
    }

    @Test
    void wrongHeader_isRejectedOnLine1() {
        MappingFormatException e = readFails("kind,source,target\nVENDOR,1,2\n");

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).startsWith("line 1:").contains(MappingCsv.HEADER);
    }

    @Test
    void emptyFile_isRejected() {
        assertThat(readFails("").getMessage()).contains("empty");
    }

    @Test
    void unknownKind_namesTheLine() {
        MappingFormatException e = readFails(MappingCsv.HEADER + "\nVENDOR,1,2,,,\nVENDR,3,4,,,\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("line 3").contains("unknown kind 'VENDR'");
    }

    @Test
    void wrongColumnCount_namesTheLine() {
        MappingFormatException e = readFails(MappingCsv.HEADER + "\nVENDOR,1,2,,\n");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("expected 6 columns").contains("found 5");
    }

    @Test
    void missingIds_nameTheLineAndColumn() {
        assertThat(readFails(MappingCsv.HEADER + "\nVENDOR, ,2,,,\n").getMessage()).contains("line 2").contains("source_id");
        assertThat(readFails(MappingCsv.HEADER + "\nVENDOR,1,,,,\n").getMessage()).contains("line 2").contains("target_id");
    }

    @Test
    void unknownStatus_namesTheLine() {
        MappingFormatException e = readFails(MappingCsv.HEADER + "\nVENDOR,1,2,,MAYBE,\n");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("MAYBE");
    }

    @Test
    void duplicateSource_namesBothLines() {
        MappingFormatException e = readFails(MappingCsv.HEADER + "\nVENDOR,1,2,,,\nPROJECT,1,5,,,\nvendor,1,3,,,\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("duplicate VENDOR").contains("first on line 2");
    }

    @Test
    void lineNumbers_countLinesInsideQuotedFields() {
        MappingFormatException e = readFails(MappingCsv.HEADER + "\nVENDOR,1,2,,,\"a\nb\"\nNOPE,1,2,,,\n");

        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void unclosedQuote_namesTheLineItOpensOn() {
        MappingFormatException e = readFails(MappingCsv.HEADER + "\nVENDOR,1,2,,,\"never closed\n");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("never closed");
    }

    @Test
    void strayQuotes_areRejected() {
        assertThat(readFails(MappingCsv.HEADER + "\nVENDOR,1,2,,,ab\"c\n").getMessage()).contains("unexpected quote");
        assertThat(readFails(MappingCsv.HEADER + "\nVENDOR,1,2,,,\"ab\"c\n").getMessage()).contains("after a closing quote");
    }

    @Test
    void aBadLine_importsNothing() {
        InMemoryMappingStore store = new InMemoryMappingStore();
        String file = MappingCsv.HEADER + "\nVENDOR,1,2,,,\nVENDOR,3,4,,,\nBAD,5,6,,,\n";

        catchThrowableOfType(MappingFormatException.class, () -> csv.importInto(store, new StringReader(file), CONN, AT));

        assertThat(store.list(CONN, MappingKind.VENDOR)).isEmpty();
    }
}

package org.smartphone.payroll.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 5, outputs: UTF-8 without BOM, comma, RFC 4180 quoting, LF, one line per record, neutralised copies. */
class CsvOutputTests {

    private static final List<String> HEADER = List.of("period", "full_name", "amount_xof");

    /** What a CsvOutput writes for these records (each one 3 cells). */
    private static byte[] written(String[]... records) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvOutput csv = new CsvOutput(bytes, HEADER)) {
            for (String[] record : records) {
                csv.writeRecord(record);
            }
        }
        return bytes.toByteArray();
    }

    private static String text(String[]... records) throws Exception {
        return new String(written(records), UTF_8);
    }

    private static String[] row(String... cells) {
        return cells;
    }

    @Nested
    class Layout {

        @Test
        void writesAHeaderThenOneLinePerRecordEndedByLf() throws Exception {
            String text = text(row("2026-03", "Awa Diop", "15000"), row("2026-03", "Ama Lawson", "-1500"));

            assertThat(text)
                    .isEqualTo("period,full_name,amount_xof\n"
                            + "2026-03,Awa Diop,15000\n"
                            + "2026-03,Ama Lawson,-1500\n");
        }

        @Test
        void anEmptyFileIsHeaderOnly() throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CsvOutput csv = new CsvOutput(bytes, HEADER);
            csv.close();

            assertThat(bytes.toString(UTF_8)).isEqualTo("period,full_name,amount_xof\n");
            assertThat(csv.records()).isZero();
        }

        @Test
        void countsRecordsButNotTheHeader() throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (CsvOutput csv = new CsvOutput(bytes, HEADER)) {
                csv.writeRecord("2026-03", "A", "1");
                csv.writeRecord("2026-03", "B", "2");

                assertThat(csv.records()).isEqualTo(2);
            }
        }

        @Test
        void isUtf8WithoutBom() throws Exception {
            byte[] bytes = written(row("2026-03", "Aïssatou Ndiaye", "1"));

            // no EF BB BF at the start: the file starts with the 'p' of period
            assertThat(bytes[0]).isEqualTo((byte) 'p');
            // ï (U+00EF) is C3 AF in UTF-8
            String expected = "period,full_name,amount_xof\n2026-03,A\u00efssatou Ndiaye,1\n";
            assertThat(bytes).isEqualTo(expected.getBytes(UTF_8));
            assertThat(bytes).containsSequence((byte) 0xC3, (byte) 0xAF);
        }

        @Test
        void aNullCellIsWrittenEmpty() throws Exception {
            assertThat(text(row("2026-03", null, "0"))).endsWith("\n2026-03,,0\n");
        }
    }

    @Nested
    class Quoting {

        @ParameterizedTest(name = "[{0}] → [{1}]")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '\u0000',
                value = {
                    // a comma: the cell is quoted
                    "Diop, Awa|\"Diop, Awa\"",
                    // a quote: quoted, and the quote doubled
                    "Awa \"Tata\" Diop|\"Awa \"\"Tata\"\" Diop\"",
                    // plain text: never quoted
                    "Awa Diop|Awa Diop",
                    // a semicolon is no delimiter in an output file
                    "A;B|A;B"
                })
        void followsRfc4180(String cell, String expected) throws Exception {
            assertThat(text(row("2026-03", cell, "1"))).endsWith("\n2026-03," + expected + ",1\n");
        }

        @Test
        void onlyACommaOrAQuoteMakesACellQuoted() throws Exception {
            // as the files have always been written; Commons CSV's CSVPrinter (QuoteMode.MINIMAL) would
            // also quote an empty first cell, a cell starting with a space, ! or #, and one ending in a space
            assertThat(text(row("", "#1 Awa", "!"), row("2026-03", " Awa Diop ", "1")))
                    .endsWith("\n,#1 Awa,!\n2026-03, Awa Diop ,1\n");
        }
    }

    @Nested
    class LineBreaksAndTabs {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Awa\nDiop", "Awa\rDiop", "Awa\tDiop"})
        void eachBecomesOneSpace(String cell) throws Exception {
            assertThat(text(row("2026-03", cell, "1"))).endsWith("\n2026-03,Awa Diop,1\n");
        }

        @Test
        void aCrLfLineBreakBecomesOneSpace() throws Exception {
            // SPEC 5: a line break inside text is written as a space; CR LF is one line break
            assertThat(text(row("2026-03", "Awa\r\nDiop", "1"))).endsWith("\n2026-03,Awa Diop,1\n");
        }

        @Test
        void theFileKeepsOneLinePerRecord() throws Exception {
            String text = text(row("2026-03", "Awa\nDiop, \"Tata\"", "1"), row("2026-03", "Ama\r\nLawson", "2"));

            // header + 2 records = 3 LF, and no CR anywhere
            assertThat(text.chars().filter(c -> c == '\n')).hasSize(3);
            assertThat(text).doesNotContain("\r");
            assertThat(text).contains("\n2026-03,\"Awa Diop, \"\"Tata\"\"\",1\n");
        }
    }

    @Nested
    class CopiedText {

        @ParameterizedTest(name = "[{0}] → [{1}]")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '\u0000',
                value = {
                    "=SUM(A1:A9)|'=SUM(A1:A9)",
                    "+221 77 000 00 00|'+221 77 000 00 00",
                    "-MIN-ED|'-MIN-ED",
                    "@cmd|'@cmd",
                    "Awa Diop|Awa Diop",
                    // only a leading character counts
                    "A=B+C|A=B+C",
                    "'quoted|'quoted"
                })
        void getsALeadingQuoteWhenASpreadsheetWouldEvaluateIt(String text, String expected) {
            assertThat(SpreadsheetText.copied(text)).isEqualTo(expected);
        }

        @Test
        void aLeadingTabOrCarriageReturnIsNeutralisedToo() {
            assertThat(SpreadsheetText.copied("\tAwa")).isEqualTo("'\tAwa");
            assertThat(SpreadsheetText.copied("\rAwa")).isEqualTo("'\rAwa");
        }

        @Test
        void aNeutralisedLeadingTabIsWrittenAsQuoteSpace() throws Exception {
            assertThat(text(row("2026-03", SpreadsheetText.copied("\tAwa"), "1")))
                    .endsWith("\n2026-03,' Awa,1\n");
        }

        @ParameterizedTest
        @NullAndEmptySource
        void nothingIsWrittenEmpty(String text) {
            assertThat(SpreadsheetText.copied(text)).isEmpty();
        }

        @Test
        void computedValuesAreNeverPrefixed() throws Exception {
            // a negative difference is written as plain digits with '-'
            assertThat(text(row("2026-03", "x", "-2000"))).endsWith("\n2026-03,x,-2000\n");
        }
    }

    @Nested
    class Digest {

        @Test
        void isTheSha256OfEveryByteWritten() throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CsvOutput csv = new CsvOutput(bytes, HEADER);
            csv.writeRecord("2026-03", "Aïssatou, \"Tata\"", "15000");
            csv.close();

            String independent = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
            assertThat(csv.sha256()).isEqualTo(independent).matches("[0-9a-f]{64}");
        }

        @Test
        void isKnownOnlyOnceClosed() throws Exception {
            CsvOutput csv = new CsvOutput(new ByteArrayOutputStream(), HEADER);

            assertThatThrownBy(csv::sha256).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void closingTwiceKeepsTheDigest() throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CsvOutput csv = new CsvOutput(bytes, HEADER);
            csv.close();
            String first = csv.sha256();
            csv.close();

            assertThat(csv.sha256()).isEqualTo(first);
            assertThat(bytes.toString(UTF_8)).isEqualTo("period,full_name,amount_xof\n");
        }
    }
}

package org.smartphone.payroll.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartphone.payroll.files.Cells;
import org.smartphone.payroll.files.CsvInputFile;

/** The cells of a payments line (SPEC 7.1, with the identifier and amount rules of SPEC 5). */
class PaymentParserTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    @TempDir
    Path dir;

    private PaymentParser.Parsed parse(
            String ref, String channel, String contract, String amount, String date, String matricule)
            throws Exception {
        Path file = dir.resolve("payments.csv");
        Files.writeString(
                file,
                "payment_ref,channel,contract_id,amount_xof,received_on,matricule\n"
                        + String.join(",", ref, channel, contract, amount, date, matricule) + "\n",
                StandardCharsets.UTF_8);
        try (CsvInputFile input = CsvInputFile.open(file, PaymentParser.REQUIRED, PaymentParser.OPTIONAL)) {
            return new PaymentParser(TODAY).parse(new Cells(input.next()));
        }
    }

    @Test
    void aValidLineIsReadUpperCasedWithItsKey() throws Exception {
        PaymentParser.Parsed parsed = parse("ref-1", "tMoney", "sp-1", "12 500", "2026-03-31", "");
        assertThat(parsed.key()).hasValue("REF-1 (TMONEY)");
        assertThat(parsed.line()).get().satisfies(line -> {
            assertThat(line.channel()).isEqualTo(PaymentChannel.TMONEY);
            assertThat(line.contractId()).isEqualTo("SP-1");
            assertThat(line.amountXof()).isEqualTo(12_500);
            assertThat(line.receivedOn()).isEqualTo("2026-03-31");
            assertThat(line.matricule()).isNull();
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "received_on,2026-04-01", // the day after the run starts
        "received_on,31/03/2026",
        "received_on,2026-02-30",
        "received_on,2026-3-31",
        "amount_xof,0",
        "amount_xof,-5",
        "amount_xof,12.50",
        "channel,CASH",
        "matricule,M 1",
        "payment_ref,-REF"
    })
    void anInvalidCellMakesTheLineInvalidButKeepsItsKeyWhenReadable(String column, String value) throws Exception {
        String[] cells = {"REF-1", "COUNTER", "SP-1", "1000", "2026-03-01", "M-1"};
        List<String> columns =
                List.of("payment_ref", "channel", "contract_id", "amount_xof", "received_on", "matricule");
        cells[columns.indexOf(column)] = value;
        PaymentParser.Parsed parsed = parse(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]);
        assertThat(parsed.line()).isEmpty();
        assertThat(parsed.key().isPresent()).isEqualTo(!column.equals("channel") && !column.equals("payment_ref"));
    }

    @Test
    void aPaymentRefHasUpToSixtyFourCharacters() throws Exception {
        assertThat(parse("R".repeat(64), "BANK", "SP-1", "1", "2026-03-01", "").line())
                .isPresent();
        assertThat(parse("R".repeat(65), "BANK", "SP-1", "1", "2026-03-01", "").line())
                .isEmpty();
    }
}

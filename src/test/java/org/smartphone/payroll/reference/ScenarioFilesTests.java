package org.smartphone.payroll.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario inputs are written as SPEC 5 files and read back unchanged. */
class ScenarioFilesTests {

    @TempDir
    Path dir;

    @Test
    void contractsRoundTrip() {
        Scenario s = ScenarioGenerator.generate(7);
        Path file = ScenarioFiles.writeContracts(dir, s);
        assertThat(file.getFileName().toString()).isEqualTo("contracts.csv");
        List<List<String>> rows = ScenarioFiles.readCsv(file);
        assertThat(rows.get(0)).isEqualTo(ScenarioFiles.CONTRACTS_HEADER);
        assertThat(rows).hasSize(s.contracts().size() + 1);
        for (int i = 0; i < s.contracts().size(); i++) {
            RefContract c = s.contracts().get(i);
            List<String> r = rows.get(i + 1);
            assertThat(r.get(0)).isEqualTo(c.contractId());
            assertThat(r.get(1)).isEqualTo(c.matricule());
            assertThat(r.get(2)).isEqualTo(c.fullName()); // inputs are written raw, never neutralised
            assertThat(r.get(3)).isEqualTo(c.ministryCode() == null ? "" : c.ministryCode());
            assertThat(r.get(6)).isEqualTo(Long.toString(c.priceXof()));
            assertThat(r.get(7).isEmpty() ? 0 : Long.parseLong(r.get(7))).isEqualTo(c.downPaymentXof());
            assertThat(r.get(8).isEmpty() ? 12 : Integer.parseInt(r.get(8))).isEqualTo(c.termMonths());
            assertThat(r.get(9)).isEqualTo(c.firstPeriod().toString());
        }
        assertThat(rows).extracting(r -> r.get(2)).contains("=Afi Dzifa", "Lawson, Kafui Ama", "Komlan \"Papi\" Adjeï");
        assertThat(ScenarioFiles.outputFormatProblems(file)).isEmpty();
    }

    @Test
    void quotingIsRfc4180() throws IOException {
        Path file = ScenarioFiles.writeContracts(
                dir,
                List.of(
                        new RefContract("C1", "M1", "Lawson, Kafui", null, 60_000, 0, 12, "2026-01"),
                        new RefContract("C2", "M2", "Komlan \"Papi\"", "MEF", 60_000, 5_000, 6, "2026-02")));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text)
                .isEqualTo(
                        "contract_id,matricule,full_name,ministry_code,device_model,imei,price_xof,down_payment_xof,term_months,first_period\n"
                                + "C1,M1,\"Lawson, Kafui\",,,,60000,0,12,2026-01\n"
                                + "C2,M2,\"Komlan \"\"Papi\"\"\",MEF,,,60000,5000,6,2026-02\n");
    }

    @Test
    void payrollAndWithheldRoundTrip() {
        Scenario s = ScenarioGenerator.generate(8);
        String period = s.periods().get(0);
        Path payroll = ScenarioFiles.writePayroll(dir, s, period);
        assertThat(payroll.getFileName().toString()).isEqualTo("payroll-" + period + ".csv");
        List<List<String>> rows = ScenarioFiles.readCsv(payroll);
        assertThat(rows.get(0)).isEqualTo(ScenarioFiles.PAYROLL_HEADER);
        List<RefPayrollRow> register = s.register(period);
        assertThat(rows).hasSize(register.size() + 1);
        for (int i = 0; i < register.size(); i++) {
            RefPayrollRow r = register.get(i);
            assertThat(rows.get(i + 1))
                    .containsExactly(
                            period,
                            r.matricule(),
                            Long.toString(r.netPayXof()),
                            r.status(),
                            s.payrollName(r.matricule()),
                            r.ministryCode() == null ? "" : r.ministryCode());
        }

        ReferenceProgramme ref = new ReferenceProgramme();
        ref.importContracts(s.contracts());
        RefDeductionResult d = ref.deduct(period, register);
        List<RefReturnRow> ret = s.returnFor(period, d.deductions(), s.returnRandom(0));
        Path withheld = ScenarioFiles.writeWithheld(dir, period, ret);
        assertThat(withheld.getFileName().toString()).isEqualTo("withheld-" + period + ".csv");
        List<List<String>> body = ScenarioFiles.readCsvBody(withheld);
        assertThat(body).hasSize(ret.size());
        for (int i = 0; i < ret.size(); i++) {
            assertThat(body.get(i))
                    .containsExactly(
                            period,
                            ret.get(i).contractId(),
                            ret.get(i).matricule(),
                            Long.toString(ret.get(i).amountWithheldXof()));
        }
    }

    @Test
    void outputFormatProblemsAreReported() throws IOException {
        Path crlf = dir.resolve("crlf.csv");
        Files.write(crlf, "a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(ScenarioFiles.outputFormatProblems(crlf)).contains("contains a carriage return");
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, "\uFEFFa,b\n".getBytes(StandardCharsets.UTF_8));
        assertThat(ScenarioFiles.outputFormatProblems(bom)).contains("starts with a BOM");
        Path multiline = dir.resolve("multiline.csv");
        Files.write(multiline, "a,b\n\"x\ny\",2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(ScenarioFiles.outputFormatProblems(multiline)).containsExactly("3 physical lines for 2 records");
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, new byte[] {'a', ',', (byte) 0xC3, '\n'});
        assertThatThrownBy(() -> ScenarioFiles.readCsv(bad)).isInstanceOf(IllegalStateException.class);
        assertThat(ScenarioFiles.outputFormatProblems(bad)).hasSize(1);
        Path headerOnly = ScenarioFiles.writeCsv(
                dir.resolve("out/arrears-2026-01.csv"), ReferenceProgramme.header("arrears"), List.of());
        assertThat(ScenarioFiles.readCsv(headerOnly)).containsExactly(ReferenceProgramme.header("arrears"));
        assertThat(ScenarioFiles.readCsvBody(headerOnly)).isEmpty();
        assertThat(ScenarioFiles.outputFormatProblems(headerOnly)).isEmpty();
    }

    @Test
    void renderQuotesOnlyWhatRfc4180Needs() {
        assertThat(ScenarioFiles.render(
                        List.of("a", "b", "c"),
                        List.of(List.of("Lawson, Kafui", "Komlan \"Papi\"", "'=Afi"), List.of("", "#1", " x"))))
                .isEqualTo("a,b,c\n\"Lawson, Kafui\",\"Komlan \"\"Papi\"\"\",'=Afi\n,#1, x\n");
    }
}

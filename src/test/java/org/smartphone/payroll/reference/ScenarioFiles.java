package org.smartphone.payroll.reference;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes scenario inputs as the CSV files the real engine reads (SPEC 5: UTF-8, comma, RFC 4180
 * quoting, header row) and reads engine outputs back for comparison with the reference.
 */
public final class ScenarioFiles {

    public static final List<String> CONTRACTS_HEADER = List.of(
            "contract_id",
            "matricule",
            "full_name",
            "ministry_code",
            "device_model",
            "imei",
            "price_xof",
            "down_payment_xof",
            "term_months",
            "first_period");
    public static final List<String> PAYROLL_HEADER =
            List.of("period", "matricule", "net_pay_xof", "employment_status", "full_name", "ministry_code");
    public static final List<String> WITHHELD_HEADER =
            List.of("period", "contract_id", "matricule", "amount_withheld_xof");

    /** RFC 4180, comma, quotes only where needed, LF record separator. */
    private static final CSVFormat WRITE_FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private static final CSVFormat READ_FORMAT = CSVFormat.RFC4180;

    private ScenarioFiles() {}

    public static String contractsFileName() {
        return "contracts.csv";
    }

    public static String payrollFileName(String period) {
        return "payroll-" + period + ".csv";
    }

    public static String withheldFileName(String period) {
        return "withheld-" + period + ".csv";
    }

    /** Writes {@code dir/contracts.csv} for all contracts of the scenario (with device, IMEI, blank defaults). */
    public static Path writeContracts(Path dir, Scenario scenario) {
        List<List<String>> rows = new ArrayList<>();
        for (RefContract c : scenario.contracts()) {
            rows.add(contractRow(c, scenario.extras(c.contractId())));
        }
        return writeCsv(dir.resolve(contractsFileName()), CONTRACTS_HEADER, rows);
    }

    /** Writes {@code dir/contracts.csv} for the given contracts (no device, no IMEI). */
    public static Path writeContracts(Path dir, List<RefContract> contracts) {
        List<List<String>> rows = new ArrayList<>();
        for (RefContract c : contracts) {
            rows.add(contractRow(c, new Scenario.ContractExtras(null, null, false)));
        }
        return writeCsv(dir.resolve(contractsFileName()), CONTRACTS_HEADER, rows);
    }

    static List<String> contractRow(RefContract c, Scenario.ContractExtras extras) {
        boolean blank = extras.writeDefaultsAsBlank();
        List<String> row = new ArrayList<>();
        row.add(c.contractId());
        row.add(c.matricule());
        row.add(c.fullName());
        row.add(emptyIfNull(c.ministryCode()));
        row.add(emptyIfNull(extras.deviceModel()));
        row.add(emptyIfNull(extras.imei()));
        row.add(Long.toString(c.priceXof()));
        row.add(blank && c.downPaymentXof() == 0 ? "" : Long.toString(c.downPaymentXof()));
        row.add(blank && c.termMonths() == 12 ? "" : Integer.toString(c.termMonths()));
        row.add(c.firstPeriod().toString());
        return row;
    }

    /** Writes {@code dir/payroll-YYYY-MM.csv} with the scenario's register of that period. */
    public static Path writePayroll(Path dir, Scenario scenario, String period) {
        List<List<String>> rows = new ArrayList<>();
        for (RefPayrollRow r : scenario.register(period)) {
            rows.add(List.of(
                    period,
                    r.matricule(),
                    Long.toString(r.netPayXof()),
                    r.status(),
                    scenario.payrollName(r.matricule()),
                    emptyIfNull(r.ministryCode())));
        }
        return writeCsv(dir.resolve(payrollFileName(period)), PAYROLL_HEADER, rows);
    }

    /** Writes {@code dir/payroll-YYYY-MM.csv} with the given rows (full_name empty). */
    public static Path writePayroll(Path dir, String period, List<RefPayrollRow> register) {
        List<List<String>> rows = new ArrayList<>();
        for (RefPayrollRow r : register) {
            rows.add(List.of(
                    period,
                    r.matricule(),
                    Long.toString(r.netPayXof()),
                    r.status(),
                    "",
                    emptyIfNull(r.ministryCode())));
        }
        return writeCsv(dir.resolve(payrollFileName(period)), PAYROLL_HEADER, rows);
    }

    /** Writes {@code dir/withheld-YYYY-MM.csv}. */
    public static Path writeWithheld(Path dir, String period, List<RefReturnRow> withholdingReturn) {
        List<List<String>> rows = new ArrayList<>();
        for (RefReturnRow r : withholdingReturn) {
            rows.add(List.of(period, r.contractId(), r.matricule(), Long.toString(r.amountWithheldXof())));
        }
        return writeCsv(dir.resolve(withheldFileName(period)), WITHHELD_HEADER, rows);
    }

    /** Writes a CSV file (UTF-8 without BOM, comma, RFC 4180 quoting, LF), creating parent folders. */
    public static Path writeCsv(Path file, List<String> header, List<List<String>> rows) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(w, WRITE_FORMAT)) {
                printer.printRecord(header);
                for (List<String> row : rows) {
                    printer.printRecord(row);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The exact text of an output file as SPEC 5 writes it: header, then one line per row, comma,
     * LF after every line, a cell quoted (its quotes doubled) only when it holds a comma, a quote,
     * CR or LF (RFC 4180).
     */
    public static String render(List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        renderLine(text, header);
        for (List<String> row : rows) {
            renderLine(text, row);
        }
        return text.toString();
    }

    private static void renderLine(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0
                    || cell.indexOf('"') >= 0
                    || cell.indexOf('\r') >= 0
                    || cell.indexOf('\n') >= 0) {
                text.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                text.append(cell);
            }
        }
        text.append('\n');
    }

    /**
     * Reads a CSV file (typically an engine output) into rows of cells, the header row first.
     * Decoding is strict UTF-8 (malformed bytes throw); a BOM, if any, is kept in the first cell
     * so that a comparison with {@link ReferenceProgramme#header} fails visibly.
     */
    public static List<List<String>> readCsv(Path file) {
        String text = decodeStrictUtf8(file);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), READ_FORMAT)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(List.copyOf(record.toList()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data rows of a CSV file (everything after the header row). */
    public static List<List<String>> readCsvBody(Path file) {
        List<List<String>> all = readCsv(file);
        return all.isEmpty() ? List.of() : all.subList(1, all.size());
    }

    /**
     * Checks the byte-level output rules of SPEC 5 and returns a list of violations (empty when
     * fine): valid UTF-8, no BOM, no CR, ends with LF, one physical line per record.
     */
    public static List<String> outputFormatProblems(Path file) {
        List<String> problems = new ArrayList<>();
        String text;
        try {
            text = decodeStrictUtf8(file);
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
            return problems;
        }
        if (text.startsWith("\uFEFF")) {
            problems.add("starts with a BOM");
        }
        if (text.indexOf('\r') >= 0) {
            problems.add("contains a carriage return");
        }
        if (!text.endsWith("\n")) {
            problems.add("does not end with LF");
        }
        long physicalLines = text.chars().filter(ch -> ch == '\n').count();
        int records = readCsv(file).size();
        if (physicalLines != records) {
            problems.add(physicalLines + " physical lines for " + records + " records");
        }
        return problems;
    }

    private static String decodeStrictUtf8(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(file + " is not valid UTF-8: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String emptyIfNull(String s) {
        return s == null ? "" : s;
    }
}

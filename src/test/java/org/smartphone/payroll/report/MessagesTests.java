package org.smartphone.payroll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smartphone.payroll.arrears.ArrearsBucket;
import org.smartphone.payroll.deduction.DeductionReason;
import org.smartphone.payroll.ledger.ContractState;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.reconciliation.ReconciliationStatus;
import org.smartphone.payroll.report.PeriodFigures.ReturnTotal;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/**
 * The report's words in messages_fr.properties and messages_en.properties (as spring-petclinic's
 * I18nPropertiesSyncTest): both files hold the same keys, every key the report asks for is in them
 * and every key in them is asked for, and each message reads as written.
 */
class MessagesTests {

    private static final List<String> LANGUAGES = List.of("fr", "en");

    private static Properties file(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> keys(String name) throws IOException {
        return new TreeSet<>(file(name).stringPropertyNames());
    }

    @Nested
    class Files {

        @Test
        void frenchAndEnglishHoldTheSameKeys() throws IOException {
            assertThat(keys("messages_en.properties"))
                    .isNotEmpty()
                    .containsExactlyElementsOf(keys("messages_fr.properties"));
        }

        @Test
        void theBaseFileHoldsNoWordSoAMissingKeyIsAnErrorNotTheOtherLanguage() throws IOException {
            assertThat(keys("messages.properties")).isEmpty();
        }

        @Test
        void eachMessageReadsAsWrittenWithItsApostrophesAndValues() throws IOException {
            for (String language : LANGUAGES) {
                Properties words = file("messages_" + language + ".properties");
                for (String key : words.stringPropertyNames()) {
                    String written = words.getProperty(key);
                    if (written.contains(",choice,")) {
                        continue; // see Plurals
                    }
                    String expected = written.replace("''", "'")
                            .replace("{0}", "<0>")
                            .replace("{1}", "<1>")
                            .replace("{2}", "<2>")
                            .replace("{3}", "<3>");
                    // a lone apostrophe would start a quoted part, which MessageFormat prints without it
                    assertThat(ReportMessages.source()
                                    .getMessage(
                                            key,
                                            new Object[] {"<0>", "<1>", "<2>", "<3>"},
                                            Locale.forLanguageTag(language)))
                            .as(language + " " + key)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Nested
    class Plurals {

        @Test
        void frenchHasOneContractUpToOne() {
            ReportLabels labels = ReportMessages.labels("fr");

            assertThat(labels.contracts(0)).isEqualTo("0 contrat");
            assertThat(labels.contracts(1)).isEqualTo("1 contrat");
            assertThat(labels.contracts(2)).isEqualTo("2 contrats");
            assertThat(labels.contracts(12_345)).isEqualTo("12\u202F345 contrats");
        }

        @Test
        void englishHasOneContractForOneOnly() {
            ReportLabels labels = ReportMessages.labels("en");

            assertThat(labels.contracts(0)).isEqualTo("0 contracts");
            assertThat(labels.contracts(1)).isEqualTo("1 contract");
            assertThat(labels.contracts(2)).isEqualTo("2 contracts");
        }
    }

    @Nested
    class Use {

        @Test
        void everyKeyTheReportAsksForIsInTheFilesAndEveryKeyThereIsAskedFor() throws Exception {
            Recording recording = new Recording(ReportMessages.source());
            for (String language : LANGUAGES) {
                ReportLabels labels = ReportLabels.of(recording, language);
                for (Method method : ReportLabels.class.getDeclaredMethods()) {
                    if (Modifier.isPrivate(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
                        continue;
                    }
                    method.setAccessible(true);
                    for (Object[] values : everyCall(method)) {
                        try {
                            method.invoke(labels, values);
                        } catch (InvocationTargetException e) {
                            throw new AssertionError(method.getName() + Arrays.toString(values), e.getCause());
                        }
                    }
                }
            }

            assertThat(recording.missing).as("asked for, not in the files").isEmpty();
            assertThat(recording.asked).as("in the files, never asked for").containsAll(keys("messages_fr.properties"));
        }

        @Test
        void aCodeTheFilesDoNotNameIsWrittenAsBefore() {
            ReportLabels labels = ReportMessages.labels("en");

            assertThat(labels.reason("SOMETHING_NEW")).isEmpty();
            assertThat(labels.status("SOMETHING_NEW")).isEmpty();
            assertThat(labels.bucket("MONTHS_12_PLUS")).isEqualTo("MONTHS_12_PLUS");
        }

        @Test
        void aLanguageOtherThanEnglishIsFrench() {
            assertThat(ReportMessages.labels("de").language()).isEqualTo("fr");
            assertThat(ReportMessages.labels("de").total()).isEqualTo("Total");
            assertThat(ReportMessages.labels("de").noArrears()).isEqualTo("Aucun contrat en arriéré.");
        }

        /** Every combination of the values a method can be given: each constant of each enum, each code. */
        private static List<Object[]> everyCall(Method method) {
            List<Object[]> calls = new ArrayList<>();
            calls.add(new Object[0]);
            for (Class<?> type : method.getParameterTypes()) {
                List<Object[]> longer = new ArrayList<>();
                for (Object[] call : calls) {
                    for (Object value : values(method.getName(), type)) {
                        Object[] next = Arrays.copyOf(call, call.length + 1);
                        next[call.length] = value;
                        longer.add(next);
                    }
                }
                calls = longer;
            }
            return calls;
        }

        private static List<?> values(String method, Class<?> type) {
            if (type.isEnum()) {
                return List.of(type.getEnumConstants());
            }
            if (type == Period.class) {
                return List.of(Period.parse("2026-01"));
            }
            if (type == long.class) {
                return List.of(0L, 1L, 2L);
            }
            if (type == ReturnTotal.class) {
                return Stream.of(ReturnTotal.Source.values())
                        .map(source -> new ReturnTotal(source, "archive/2026-01/withheld-2026-01.csv", 3, 0))
                        .toList();
            }
            if (type == String.class) {
                return switch (method) {
                    case "reason" ->
                        Stream.of(DeductionReason.values()).map(Enum::name).toList();
                    case "status" ->
                        Stream.of(ReconciliationStatus.values()).map(Enum::name).toList();
                    case "bucket" ->
                        Stream.of(ArrearsBucket.values()).map(Enum::name).toList();
                    case "stopReason" -> PeriodLedger.STOP_REASONS;
                    case "refundStatus" -> PeriodLedger.REFUND_STATUSES;
                    case "batchKind" -> List.of("ISSUE", "CONFIRM");
                    case "contractState" ->
                        Stream.of(ContractState.values()).map(Enum::name).toList();
                    default -> List.of("deductions-2026-01.csv", "");
                };
            }
            throw new AssertionError("no values for " + method + "(" + type.getSimpleName() + ")");
        }
    }

    /** The real messages, noting every key asked for and those not found. */
    private static final class Recording implements MessageSource {

        private final MessageSource messages;
        final Set<String> asked = new TreeSet<>();
        final Set<String> missing = new TreeSet<>();

        Recording(MessageSource messages) {
            this.messages = messages;
        }

        @Override
        public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
            asked.add(code);
            String message = messages.getMessage(code, args, null, locale);
            if (message == null) {
                missing.add(code + " (" + locale + ")");
                return defaultMessage;
            }
            return message;
        }

        @Override
        public String getMessage(String code, Object[] args, Locale locale) {
            asked.add(code);
            try {
                return messages.getMessage(code, args, locale);
            } catch (NoSuchMessageException e) {
                missing.add(code + " (" + locale + ")");
                return "";
            }
        }

        @Override
        public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
            throw new UnsupportedOperationException();
        }
    }
}

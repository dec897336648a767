package org.smartphone.payroll.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The renames a header that lacks columns is told (issue 13, "help in their words"). */
class HeaderAdviceTests {

    private static final List<String> REGISTER =
            List.of("period", "matricule", "net_pay_xof", "employment_status", "full_name", "ministry_code");
    private static final List<String> CONTRACTS = List.of(
            "contract_id",
            "matricule",
            "full_name",
            "price_xof",
            "first_period",
            "ministry_code",
            "device_model",
            "imei",
            "down_payment_xof",
            "term_months");
    private static final List<String> RETURN = List.of("period", "contract_id", "matricule", "amount_withheld_xof");

    @ParameterizedTest(name = "{0} in a {1} file means {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Période            | register  | period
            PERIODE            | register  | period
            mois               | register  | period
            net pay xof        | register  | net_pay_xof
            Net Pay (XOF)      | register  | net_pay_xof
            net-pay            | register  | net_pay_xof
            NetPayXof          | register  | net_pay_xof
            salaire_net        | register  | net_pay_xof
            Salaire net        | register  | net_pay_xof
            net à payer        | register  | net_pay_xof
            salaire            | register  | net_pay_xof
            Salaire net (FCFA) | register  | net_pay_xof
            statut             | register  | employment_status
            Situation          | register  | employment_status
            employment-status  | register  | employment_status
            nom                | register  | full_name
            Nom complet        | register  | full_name
            nom_prenom         | register  | full_name
            Nom et prénoms     | register  | full_name
            ministère          | register  | ministry_code
            contract id        | contracts | contract_id
            contract-id        | contracts | contract_id
            ContractId         | contracts | contract_id
            contrat            | contracts | contract_id
            N° contrat         | contracts | contract_id
            numero_contrat     | contracts | contract_id
            prix               | contracts | price_xof
            Prix (FCFA)        | contracts | price_xof
            price              | contracts | price_xof
            apport             | contracts | down_payment_xof
            durée              | contracts | term_months
            première période   | contracts | first_period
            période            | contracts | first_period
            Modèle             | contracts | device_model
            montant            | return    | amount_withheld_xof
            Montant retenu     | return    | amount_withheld_xof
            retenue            | return    | amount_withheld_xof
            amount withheld    | return    | amount_withheld_xof
            Ｐｅｒｉｏｄｅ         | return    | period
            """)
    void aNameCloseToAMissingColumnMeansIt(String found, String file, String column) {
        assertThat(HeaderAdvice.meant(found, columns(file))).isEqualTo(column);
    }

    @ParameterizedTest(name = "{0} in a {1} file means nothing")
    @CsvSource(delimiter = '|', textBlock = """
            pay        | register
            colour     | register
            statut     | return
            prix       | register
            montant    | register
            ''         | register
            ---        | register
            """)
    void aNameCloseToNoMissingColumnIsNotRenamed(String found, String file) {
        assertThat(HeaderAdvice.meant(found, columns(file))).isNull();
    }

    @Test
    void theReasonListsTheMissingColumnsWhatWasFoundAndTheRenamesInHeaderOrder() {
        List<String> found = List.of("periode", "Matricule", "salaire_net", "statut");

        String reason = HeaderAdvice.reason(
                found,
                REGISTER.subList(0, 4),
                List.of("period", "net_pay_xof", "employment_status", "full_name", "ministry_code"));

        assertThat(reason)
                .isEqualTo("The header row lacks period, net_pay_xof, employment_status; found: periode,"
                        + " Matricule, salaire_net, statut; rename periode to period, salaire_net to net_pay_xof, statut to"
                        + " employment_status.");
    }

    @Test
    void aMissingColumnNothingIsCloseToIsNamedWithTheRequiredColumns() {
        String reason = HeaderAdvice.reason(
                List.of("period", "matricule", "pay", "employment_status"),
                REGISTER.subList(0, 4),
                List.of("net_pay_xof", "full_name", "ministry_code"));

        assertThat(reason)
                .isEqualTo(
                        "The header row lacks net_pay_xof; found: period, matricule, pay,"
                                + " employment_status; the required columns are period, matricule, net_pay_xof, employment_status.");
    }

    @Test
    void aColumnIsSuggestedOnceAndInvisibleCharactersAreShownEscaped() {
        String reason = HeaderAdvice.reason(
                List.of("\uFEFFperiod", "Période", "matricule", "contract_id", "", "amount_withheld_xof"),
                RETURN,
                List.of("period"));

        assertThat(reason)
                .isEqualTo("The header row lacks period; found: \\ufeffperiod, Période, matricule,"
                        + " contract_id, amount_withheld_xof; rename \\ufeffperiod to period.");
    }

    private static List<String> columns(String file) {
        return switch (file) {
            case "register" -> REGISTER;
            case "contracts" -> CONTRACTS;
            default -> RETURN;
        };
    }
}

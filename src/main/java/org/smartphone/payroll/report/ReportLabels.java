package org.smartphone.payroll.report;

import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.report.ControlChecks.Kind;
import org.smartphone.payroll.report.ControlChecks.Outcome;
import org.smartphone.payroll.report.ControlChecks.Quantity;
import org.smartphone.payroll.report.PeriodFigures.ReturnTotal;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunState;

/**
 * The words of the HTML period report, in French (the default) or English
 * ({@code payroll.report-language}). Each label holds both languages side by side. Labels are
 * plain text: {@link HtmlReport} escapes them like any other value.
 */
final class ReportLabels {

    private final boolean french;

    private ReportLabels(boolean french) {
        this.french = french;
    }

    /** {@code fr} or {@code en}; anything else is French, the programme's language. */
    static ReportLabels of(String language) {
        return new ReportLabels(!"en".equals(language));
    }

    String language() {
        return french ? "fr" : "en";
    }

    private String t(String fr, String en) {
        return french ? fr : en;
    }

    /** French puts a (no-break) space before a colon. */
    String colon() {
        return t("\u00A0: ", ": ");
    }

    // Header

    String title(Period period) {
        return t("Rapport de période " + period, "Period report " + period);
    }

    String subtitle() {
        return t("Remboursement des smartphones des agents de l'État par retenue à la source",
                "Civil servants' smartphone repayments by deduction at source");
    }

    String lead() {
        return t("Chaque chiffre de cette page est calculé à partir du registre (la base de données) et des fichiers"
                + " de la période tels qu'ils sont sur le disque\u00A0: les contrôles relisent les fichiers, ils ne"
                + " recopient pas ce que les traitements ont annoncé.",
                "Every figure on this page is computed from the ledger (the database) and from the period's files as"
                + " they are on disk: the checks read the files again, they do not copy what the runs reported.");
    }

    String runsCaption() {
        return t("Traitements de la période", "Runs of the period");
    }

    String runHeader() {
        return t("Traitement", "Run");
    }

    String runIdHeader() {
        return t("N°", "No.");
    }

    String stateHeader() {
        return t("État", "State");
    }

    String inputHeader() {
        return t("Fichier d'entrée", "Input file");
    }

    String run(RunKind kind) {
        return switch (kind) {
            case DEDUCTION -> t("Prélèvement", "Deduction run");
            case RECONCILIATION -> t("Rapprochement", "Reconciliation run");
            case IMPORT -> t("Import de contrats", "Contracts import");
            case REVOKE -> t("Révocation", "Revocation");
        };
    }

    String state(RunState state) {
        return switch (state) {
            case RUNNING -> t("en cours", "running");
            case COMMITTED -> t("enregistré, fichiers à publier", "in the ledger, files still to publish");
            case COMPLETED -> t("terminé", "completed");
            case FAILED -> t("en échec, à reprendre", "failed, to resume");
            case REJECTED -> t("refusé (entrée invalide)", "rejected (invalid input)");
            case ABANDONED -> t("abandonné", "abandoned");
            case REVOKED -> t("révoqué", "revoked");
        };
    }

    String notRun() {
        return t("pas encore lancé", "not run yet");
    }

    // Control checks

    String checksHeading() {
        return t("1. Contrôles", "1. Control checks");
    }

    String checkHeader() {
        return t("Contrôle", "Check");
    }

    String figuresHeader() {
        return t("Chiffres comparés", "Figures compared");
    }

    String resultHeader() {
        return t("Résultat", "Result");
    }

    String outcome(Outcome outcome) {
        return switch (outcome) {
            case PASS -> t("Conforme", "Pass");
            case FAIL -> t("Non conforme", "Fail");
            case NOT_AVAILABLE -> t("Non disponible", "Not available");
        };
    }

    String check(Kind kind, Period period) {
        return switch (kind) {
            case ORDER_MATCHES_MANIFEST -> t("Le total de l'ordre de prélèvement (somme des amount_xof relue dans "
                    + orderFile(period) + ") et son nombre de lignes égalent ceux de son manifeste.",
                    "The deduction order's total (sum of amount_xof read back from " + orderFile(period)
                    + ") and its record count equal those of its manifest.");
            case RECONCILIATION_EXPECTS_ORDER -> t("L'attendu du rapprochement (somme des expected_xof de "
                    + reconciliationFile(period) + ") égale le total de l'ordre de prélèvement.",
                    "Reconciliation expected (sum of expected_xof in " + reconciliationFile(period)
                    + ") equals the deduction order's total.");
            case WITHHELD_MATCHES_RETURN -> t("Le retenu du rapprochement (somme des withheld_xof) égale le total"
                    + " de l'état des retenues (somme des amount_withheld_xof de ses lignes valides).",
                    "Withheld in the reconciliation (sum of withheld_xof) equals the withholding return's total"
                    + " (sum of amount_withheld_xof over its valid lines).");
            case POSTED_PLUS_REFUND_IS_WITHHELD -> t("Imputé + à rembourser = retenu, dans "
                    + reconciliationFile(period) + ".", "Posted + refund due = withheld, in "
                    + reconciliationFile(period) + ".");
            case FILE_DIGESTS -> t("L'empreinte SHA-256 recalculée de chaque fichier égale son scellé (fichier"
                    + " .sha256 et manifeste pour une sortie, registre pour une entrée)\u00A0: détail en section 6.",
                    "Each file's recomputed SHA-256 equals its seal (the .sha256 sidecar and the manifest for an"
                    + " output, the ledger for an input): details in section 6.");
            case ORDER_MATCHES_LEDGER -> t("L'ordre de prélèvement publié (" + orderFile(period) + ", relu) a les"
                    + " lignes et le total des lignes instruites du registre, ligne à ligne (matricule, contrat,"
                    + " montant)\u00A0: un scellé refait après modification ne suffit pas.",
                    "The published deduction order (" + orderFile(period) + ", read back) has the lines and total"
                    + " of the ledger's order lines, line by line (matricule, contract, amount): a seal remade after"
                    + " an edit is not enough.");
            case EXCEPTIONS_MATCH_LEDGER -> t("Le fichier des exceptions publié (" + exceptionsFile(period)
                    + ", relu) a les lignes et les totaux (dû, instruit, manque) des exceptions du registre, ligne"
                    + " à ligne.",
                    "The published exceptions file (" + exceptionsFile(period) + ", read back) has the lines and"
                    + " totals (due, instructed, shortfall) of the ledger's exceptions, line by line.");
            case RECONCILIATION_MATCHES_LEDGER -> t("Le fichier de rapprochement publié ("
                    + reconciliationFile(period) + ", relu) a les lignes et les totaux (attendu, retenu, imputé, à"
                    + " rembourser) des lignes de rapprochement du registre, ligne à ligne.",
                    "The published reconciliation file ("
                    + reconciliationFile(period) + ", read back) has the rows and totals (expected, withheld,"
                    + " posted, refund due) of the ledger's reconciliation rows, line by line.");
            case ARREARS_MATCH_LEDGER -> t("Le fichier des arriérés publié (" + arrearsFile(period) + ", relu) a"
                    + " les lignes et les totaux (en retard, restant dû) des arriérés du registre, ligne à ligne.",
                    "The published arrears file (" + arrearsFile(period) + ", read back) has the lines and totals"
                    + " (overdue, outstanding) of the ledger's arrears, line by line.");
            case LEDGER_BALANCES -> t("Le registre est cohérent avec lui-même, pour chaque contrat\u00A0:"
                    + " encaissé = somme de ses imputations\u00A0; soldé, il ne reste rien dû\u00A0; en cours,"
                    + " 0 \u2264 encaissé < financé.", "The ledger agrees with itself, for every contract:"
                    + " collected = the sum of its postings; settled, nothing is outstanding; open,"
                    + " 0 \u2264 collected < financed.");
        };
    }

    String digestSummary(long passed, long sealed) {
        return t("Fichiers scellés conformes\u00A0: " + passed + " sur " + sealed, "Sealed files that pass: " + passed
                + " of " + sealed);
    }

    String quantity(Quantity quantity, Period period) {
        return switch (quantity) {
            case ORDER_FILE_AMOUNT -> t("total relu de ", "total read back from ") + orderFile(period);
            case ORDER_FILE_RECORDS -> t("lignes de ", "records in ") + orderFile(period);
            case MANIFEST_AMOUNT -> t("total selon le manifeste", "total in the manifest");
            case MANIFEST_RECORDS -> t("lignes selon le manifeste", "records in the manifest");
            case RECONCILIATION_EXPECTED -> t("attendu, ", "expected, ") + reconciliationFile(period);
            case RECONCILIATION_WITHHELD -> t("retenu, ", "withheld, ") + reconciliationFile(period);
            case RETURN_WITHHELD -> t("total de l'état des retenues", "withholding return total");
            case POSTED_PLUS_REFUND -> t("imputé + à rembourser", "posted + refund due");
            case LEDGER_ORDER_LINES -> t("registre\u00A0: lignes instruites", "ledger: order lines");
            case LEDGER_ORDER_AMOUNT -> t("registre\u00A0: total instruit", "ledger: amount instructed");
            case EXCEPTIONS_FILE_RECORDS -> t("lignes de ", "records in ") + exceptionsFile(period);
            case EXCEPTIONS_FILE_DUE -> t("dû, ", "due, ") + exceptionsFile(period);
            case EXCEPTIONS_FILE_AMOUNT -> t("instruit, ", "instructed, ") + exceptionsFile(period);
            case EXCEPTIONS_FILE_SHORTFALL -> t("manque, ", "shortfall, ") + exceptionsFile(period);
            case LEDGER_EXCEPTION_LINES -> t("registre\u00A0: exceptions", "ledger: exceptions");
            case LEDGER_EXCEPTION_DUE -> t("registre\u00A0: dû des exceptions", "ledger: due of the exceptions");
            case LEDGER_EXCEPTION_AMOUNT -> t("registre\u00A0: instruit des exceptions",
                    "ledger: instructed of the exceptions");
            case LEDGER_EXCEPTION_SHORTFALL -> t("registre\u00A0: manque des exceptions",
                    "ledger: shortfall of the exceptions");
            case RECONCILIATION_FILE_RECORDS -> t("lignes de ", "records in ") + reconciliationFile(period);
            case RECONCILIATION_POSTED -> t("imputé, ", "posted, ") + reconciliationFile(period);
            case RECONCILIATION_REFUND_DUE -> t("à rembourser, ", "refund due, ") + reconciliationFile(period);
            case LEDGER_RECONCILIATION_ROWS -> t("registre\u00A0: lignes de rapprochement",
                    "ledger: reconciliation rows");
            case LEDGER_EXPECTED -> t("registre\u00A0: attendu", "ledger: expected");
            case LEDGER_WITHHELD -> t("registre\u00A0: retenu", "ledger: withheld");
            case LEDGER_POSTED -> t("registre\u00A0: imputé", "ledger: posted");
            case LEDGER_REFUND_DUE -> t("registre\u00A0: à rembourser", "ledger: refund due");
            case ARREARS_FILE_RECORDS -> t("lignes de ", "records in ") + arrearsFile(period);
            case ARREARS_FILE_OVERDUE -> t("en retard, ", "overdue, ") + arrearsFile(period);
            case ARREARS_FILE_OUTSTANDING -> t("restant dû, ", "outstanding, ") + arrearsFile(period);
            case LEDGER_ARREARS_LINES -> t("registre\u00A0: contrats en arriéré", "ledger: contracts in arrears");
            case LEDGER_OVERDUE -> t("registre\u00A0: en retard", "ledger: overdue");
            case LEDGER_OUTSTANDING -> t("registre\u00A0: restant dû des arriérés",
                    "ledger: outstanding in arrears");
            case LEDGER_COLLECTED -> t("encaissé, tous contrats", "collected, every contract");
            case LEDGER_POSTINGS -> t("somme de toutes les imputations", "sum of every posting");
            case CONTRACTS_NOT_SUM_OF_POSTINGS -> t("contrats dont l'encaissé n'est pas la somme des imputations",
                    "contracts whose collected is not the sum of their postings");
            case SETTLED_WITH_OUTSTANDING -> t("contrats soldés avec un restant dû",
                    "settled contracts with something outstanding");
            case OPEN_OUT_OF_RANGE -> t("contrats en cours hors de 0 \u2264 encaissé < financé",
                    "open contracts outside 0 \u2264 collected < financed");
            case LINES_DIFFERING_FROM_LEDGER -> t("lignes qui diffèrent du registre, ligne à ligne",
                    "lines that differ from the ledger, line by line");
            case NONE -> t("attendu", "expected");
        };
    }

    String returnSource(ReturnTotal total, Period period) {
        return switch (total.source()) {
            case ARCHIVED_FILE -> t("Source\u00A0: le fichier archivé " + total.location()
                    + ", relu ligne à ligne (" + total.lines() + " lignes valides).", "Source: the archived file "
                    + total.location() + ", read again line by line (" + total.lines() + " valid lines).");
            case LEDGER -> t("Source\u00A0: le registre. L'état des retenues n'est pas dans archive/" + period
                    + " avec l'empreinte enregistrée (supprimé, modifié, ou lu avec --file hors de l'inbox)\u00A0;"
                    + " son total est celui des lignes de rapprochement enregistrées (" + total.lines()
                    + " lignes avec un montant retenu).", "Source: the ledger. The withholding return is not in"
                    + " archive/" + period + " with its recorded digest (removed, altered, or read with --file from"
                    + " outside the inbox); its total is that of the recorded reconciliation rows (" + total.lines()
                    + " rows with an amount withheld).");
        };
    }

    String missing(String source) {
        return t(source + "\u00A0: absent (pas encore produit, ou supprimé).",
                source + ": missing (not produced yet, or removed).");
    }

    String unreadable(String source, long line, String column) {
        String where = (line > 0 ? t("ligne ", "line ") + line : "")
                + (line > 0 && !column.isEmpty() ? ", " : "")
                + (column.isEmpty() ? "" : t("colonne ", "column ") + column);
        return t(source + "\u00A0: illisible" + (where.isEmpty() ? "" : " (" + where + ")")
                + "\u00A0; ce n'est pas le fichier que le moteur a écrit.", source + ": unreadable"
                + (where.isEmpty() ? "" : " (" + where + ")") + "; this is not the file the engine wrote.");
    }

    // Deductions

    String deductionHeading() {
        return t("2. Prélèvements", "2. Deductions");
    }

    String deductionNotInLedger(Period period) {
        return t("Le prélèvement de " + period + " n'est pas encore enregistré dans le registre.",
                "The deduction run of " + period + " is not in the ledger yet.");
    }

    String contractsWithDue() {
        return t("Contrats avec une échéance due", "Contracts with something due");
    }

    String due() {
        return t("Montant dû", "Amount due");
    }

    String ofWhichArrears() {
        return t("dont arriérés des mois précédents", "of which arrears of earlier months");
    }

    String orderLines() {
        return t("Lignes de l'ordre de prélèvement", "Lines of the deduction order");
    }

    String orderAmount() {
        return t("Montant de l'ordre de prélèvement", "Amount of the deduction order");
    }

    String exceptionsCaption() {
        return t("Exceptions par motif (contrats instruits pour moins que leur dû)",
                "Exceptions by reason (contracts instructed for less than their due)");
    }

    String reasonHeader() {
        return t("Motif", "Reason");
    }

    String contractsHeader() {
        return t("Contrats", "Contracts");
    }

    String dueHeader() {
        return t("Dû", "Due");
    }

    String instructedHeader() {
        return t("Instruit", "Instructed");
    }

    String shortfallHeader() {
        return t("Manque", "Shortfall");
    }

    String total() {
        return "Total";
    }

    String reason(String code) {
        return switch (code) {
            case "NOT_IN_PAYROLL" -> t("absent du registre de paie", "not in the payroll register");
            case "EMPLOYEE_SUSPENDED" -> t("agent suspendu", "employee suspended");
            case "EMPLOYEE_LEFT" -> t("agent parti", "employee left");
            case "EMPLOYEE_RETIRED" -> t("agent retraité", "employee retired");
            case "EMPLOYEE_DECEASED" -> t("agent décédé", "employee deceased");
            case "CAPPED" -> t("plafonné à la quotité cessible", "capped by the share of net pay");
            default -> "";
        };
    }

    // Reconciliation

    String reconciliationHeading() {
        return t("3. Rapprochement", "3. Reconciliation");
    }

    String reconciliationNotInLedger(Period period) {
        return t("Le rapprochement de " + period + " n'est pas encore enregistré dans le registre.",
                "The reconciliation run of " + period + " is not in the ledger yet.");
    }

    String statusCaption() {
        return t("Lignes de rapprochement par statut", "Reconciliation rows by status");
    }

    String statusHeader() {
        return t("Statut", "Status");
    }

    String rowsHeader() {
        return t("Lignes", "Rows");
    }

    String expectedHeader() {
        return t("Attendu", "Expected");
    }

    String withheldHeader() {
        return t("Retenu", "Withheld");
    }

    String postedHeader() {
        return t("Imputé", "Posted");
    }

    String refundHeader() {
        return t("À rembourser", "Refund due");
    }

    String status(String code) {
        return switch (code) {
            case "MATCHED" -> t("retenu = attendu", "withheld = expected");
            case "NOT_WITHHELD" -> t("rien n'a été retenu", "nothing withheld");
            case "SHORT" -> t("retenu inférieur à l'attendu", "less than expected");
            case "OVER" -> t("retenu supérieur à l'attendu", "more than expected");
            case "UNEXPECTED" -> t("retenue sans ordre pour ce contrat", "withheld without an order line");
            default -> "";
        };
    }

    // Arrears

    String arrearsHeading() {
        return t("4. Arriérés après rapprochement", "4. Arrears after reconciliation");
    }

    String bucketCaption() {
        return t("Par ancienneté (du plus ancien mois impayé à la période, inclus)",
                "By age (from the oldest unpaid month to the period, both included)");
    }

    String bucket(String code) {
        return switch (code) {
            case "MONTHS_1" -> t("1 mois", "1 month");
            case "MONTHS_2" -> t("2 mois", "2 months");
            case "MONTHS_3_PLUS" -> t("3 mois et plus", "3 months or more");
            default -> code;
        };
    }

    String ageHeader() {
        return t("Ancienneté", "Age");
    }

    String overdueHeader() {
        return t("En retard", "Overdue");
    }

    String outstandingHeader() {
        return t("Restant dû", "Outstanding");
    }

    String chartDescription() {
        return t("Arriérés par ancienneté\u00A0: la longueur de la barre est le montant en retard\u00A0; le"
                + " nombre de contrats est écrit à côté.", "Arrears by age: the bar's length is the amount overdue;"
                + " the number of contracts is written beside it.");
    }

    String contracts(long count) {
        return Html.count(count) + (french ? (count > 1 ? " contrats" : " contrat")
                : (count == 1 ? " contract" : " contracts"));
    }

    String ministryCaption() {
        return t("Par ministère", "By ministry");
    }

    String ministryHeader() {
        return t("Ministère", "Ministry");
    }

    String noMinistry() {
        return t("(non renseigné)", "(not known)");
    }

    String noArrears() {
        return t("Aucun contrat en arriéré.", "No contract in arrears.");
    }

    // Portfolio

    String portfolioHeading() {
        return t("5. Portefeuille", "5. Portfolio");
    }

    String portfolioNote() {
        return t("Tous les contrats du registre, tel qu'il est quand ce rapport est produit (et non à la fin de la"
                + " période).", "Every contract in the ledger, as it stands when this report is produced (not as"
                + " at the end of the period).");
    }

    String openContracts() {
        return t("Contrats en cours", "Open contracts");
    }

    String settledContracts() {
        return t("Contrats soldés", "Settled contracts");
    }

    String financed() {
        return t("Montant financé", "Financed");
    }

    String collected() {
        return t("Encaissé à ce jour", "Collected to date");
    }

    String outstanding() {
        return t("Restant dû", "Outstanding");
    }

    // Digests

    String digestsHeading() {
        return t("6. Empreintes SHA-256", "6. SHA-256 digests");
    }

    String inputsCaption() {
        return t("Fichiers d'entrée\u00A0: empreinte enregistrée dans le registre, recalculée sur la copie"
                + " archivée",
                "Inputs: digest recorded in the ledger, recomputed on the archived copy");
    }

    String outputsCaption() {
        return t("Fichiers de sortie\u00A0: empreinte recalculée sur le disque, comparée au fichier .sha256 et au"
                + " manifeste", "Outputs: digest recomputed from disk, compared with the .sha256 sidecar and the"
                + " manifest");
    }

    String fileHeader() {
        return t("Fichier", "File");
    }

    String recomputed() {
        return t("recalculée", "recomputed");
    }

    String sidecar() {
        return t("fichier .sha256", ".sha256 sidecar");
    }

    String manifest() {
        return t("manifeste", "manifest");
    }

    String ledger() {
        return t("registre", "ledger");
    }

    String absent() {
        return t("absent", "missing");
    }

    String notNamingTheFile() {
        return t("illisible, ou ne vaut pas pour ce fichier", "unreadable, or not for this file");
    }

    String notSealed() {
        return t("non scellé", "not sealed");
    }

    String noInputs() {
        return t("Aucun traitement de la période n'est encore enregistré.", "No run of the period is in the ledger"
                + " yet.");
    }

    String howToVerify(Period period) {
        return t("Pour vérifier soi-même\u00A0: dans outbox/" + period + ", «\u00A0sha256sum -c *.sha256\u00A0»"
                + " contrôle chaque fichier CSV et «\u00A0sha256sum *.manifest.json\u00A0» donne l'empreinte des"
                + " manifestes\u00A0; dans archive/" + period + ", «\u00A0sha256sum\u00A0» donne celle des entrées."
                + " Comparez avec les valeurs ci-dessus. Les manifestes n'ont pas de fichier .sha256\u00A0: ce sont"
                + " eux qui listent les empreintes des CSV.",
                "To verify yourself: in outbox/" + period + ", 'sha256sum -c *.sha256' checks every CSV file and"
                + " 'sha256sum *.manifest.json' gives the manifests' digests; in archive/" + period + ", 'sha256sum'"
                + " gives the inputs' digests. Compare them with the values above. Manifests have no .sha256"
                + " sidecar: they are what lists the CSV files' digests.");
    }

    String footer(Period period) {
        return t("Produit par «\u00A0report --period " + period + "\u00A0». Page autonome\u00A0: aucune ressource"
                + " externe, aucun script. Le même registre et les mêmes fichiers donnent la même page.",
                "Produced by 'report --period " + period + "'. Self-contained page: no external resource, no script."
                + " The same ledger and files give the same page.");
    }

    private static String orderFile(Period period) {
        return "deductions-" + period + ".csv";
    }

    private static String exceptionsFile(Period period) {
        return "deduction-exceptions-" + period + ".csv";
    }

    private static String arrearsFile(Period period) {
        return "arrears-" + period + ".csv";
    }

    private static String reconciliationFile(Period period) {
        return "reconciliation-" + period + ".csv";
    }
}

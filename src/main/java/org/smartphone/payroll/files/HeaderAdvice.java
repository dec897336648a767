package org.smartphone.payroll.files;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a header row that lacks required columns is told (SPEC 5: a missing required column fails the
 * whole file): the columns it has, and, for each missing column, the one found that was most likely
 * meant. A found name is taken to mean a missing column when, ignoring case, accents, spaces and
 * separators ({@code Net Pay (XOF)}, {@code contract-id}, {@code ContractId}) and a trailing currency
 * ({@code _xof}, {@code _fcfa}), it is that column, that column without {@code _xof}, or a name a
 * payroll office uses for it ({@link #OFFICE_NAMES}). Only ever computed for a header that failed.
 */
final class HeaderAdvice {

    /** The names a payroll office gives the columns, written as {@link #key} writes them; tried in order. */
    static final Map<String, List<String>> OFFICE_NAMES = table(
            "periode",
            "period first_period",
            "mois",
            "period",
            "periode_de_paie",
            "period",
            "mois_de_paie",
            "period",
            "salaire_net",
            "net_pay_xof",
            "net_a_payer",
            "net_pay_xof",
            "salaire",
            "net_pay_xof",
            "net",
            "net_pay_xof",
            "net_paye",
            "net_pay_xof",
            "statut",
            "employment_status",
            "situation",
            "employment_status",
            "status",
            "employment_status",
            "position",
            "employment_status",
            "nom",
            "full_name",
            "nom_complet",
            "full_name",
            "nom_prenom",
            "full_name",
            "nom_prenoms",
            "full_name",
            "nom_et_prenom",
            "full_name",
            "nom_et_prenoms",
            "full_name",
            "name",
            "full_name",
            "montant",
            "amount_withheld_xof price_xof",
            "montant_retenu",
            "amount_withheld_xof",
            "retenue",
            "amount_withheld_xof",
            "montant_preleve",
            "amount_withheld_xof",
            "amount",
            "amount_withheld_xof",
            "withheld",
            "amount_withheld_xof",
            "prix",
            "price_xof",
            "prix_de_vente",
            "price_xof",
            "contrat",
            "contract_id",
            "numero_contrat",
            "contract_id",
            "no_contrat",
            "contract_id",
            "n_contrat",
            "contract_id",
            "num_contrat",
            "contract_id",
            "id_contrat",
            "contract_id",
            "contract",
            "contract_id",
            "contract_no",
            "contract_id",
            "contract_number",
            "contract_id",
            "numero_matricule",
            "matricule",
            "no_matricule",
            "matricule",
            "n_matricule",
            "matricule",
            "apport",
            "down_payment_xof",
            "apport_initial",
            "down_payment_xof",
            "acompte",
            "down_payment_xof",
            "duree",
            "term_months",
            "duree_mois",
            "term_months",
            "nombre_de_mois",
            "term_months",
            "term",
            "term_months",
            "premiere_periode",
            "first_period",
            "premier_mois",
            "first_period",
            "debut",
            "first_period",
            "periode_debut",
            "first_period",
            "ministere",
            "ministry_code",
            "code_ministere",
            "ministry_code",
            "ministry",
            "ministry_code",
            "modele",
            "device_model",
            "modele_telephone",
            "device_model",
            "model",
            "device_model",
            "telephone",
            "device_model",
            "numero_imei",
            "imei");

    private static final List<String> CURRENCY_SUFFIXES = List.of("_xof", "_fcfa", "_cfa");
    private static final int MAX_SHOWN_COLUMNS = 20;

    private HeaderAdvice() {}

    /**
     * The reason for the errors file: one sentence naming the missing required columns, the columns found
     * and the renames that would mend the header (optional columns included, since the header is being
     * fixed anyway and an optional column under another name is silently absent).
     *
     * @param found the header's cells, as read (trimmed)
     * @param required the required columns (lower case), in the order to name them
     * @param missing the required and optional columns the header lacks (lower case)
     */
    static String reason(List<String> found, List<String> required, List<String> missing) {
        Map<String, String> renames = renames(found, missing);
        List<String> lacking = missing.stream().filter(required::contains).toList();
        StringBuilder text = new StringBuilder("The header row lacks ")
                .append(String.join(", ", lacking))
                .append("; found: ")
                .append(shown(found));
        if (!renames.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            renames.forEach((cell, column) -> pairs.add(shown(cell) + " to " + column));
            text.append("; rename ").append(String.join(", ", pairs));
        }
        if (!renames.values().containsAll(lacking)) {
            text.append("; the required columns are ").append(String.join(", ", required));
        }
        return text.append('.').toString();
    }

    /**
     * The optional columns whose default changes the money (SPEC 2: the down payment and the term
     * decide every installment). A header that has them under another name would otherwise be read
     * without a word, with the defaults, and a contract is never edited once imported.
     */
    private static final List<String> MONEY_DEFAULTS = List.of("down_payment_xof", "term_months");

    /**
     * Columns the engine does not read ({@code unread}) that most likely mean an absent optional column
     * whose default changes the money: found name to that column. Empty for every other header.
     */
    static Map<String, String> defaultsMeant(List<String> unread, List<String> absentOptional) {
        List<String> candidates =
                absentOptional.stream().filter(MONEY_DEFAULTS::contains).toList();
        return candidates.isEmpty() || unread.isEmpty() ? Map.of() : renames(unread, candidates);
    }

    /** The reason for a header with such columns ({@link #defaultsMeant}). */
    static String defaultsReason(Map<String, String> meant) {
        List<String> pairs = new ArrayList<>();
        meant.forEach((cell, column) -> pairs.add(shown(cell) + " to " + column));
        return "The header row has " + shown(List.copyOf(meant.keySet())) + ", which the engine does not read:"
                + " every line would take the default " + String.join(" and ", meant.values())
                + " without a word; rename " + String.join(", ", pairs)
                + ", or remove the column if the defaults are meant.";
    }

    /** Found name to the missing column it most likely means, in header order; each used once. */
    static Map<String, String> renames(List<String> found, List<String> missing) {
        Map<String, String> renames = new LinkedHashMap<>();
        for (String cell : found) {
            if (renames.containsKey(cell)) {
                continue;
            }
            String column = meant(cell, missing);
            if (column != null && !renames.containsValue(column)) {
                renames.put(cell, column);
            }
        }
        return renames;
    }

    /** The column among {@code candidates} that {@code cell} most likely means, or null. */
    static String meant(String cell, List<String> candidates) {
        String key = key(cell);
        if (key.isEmpty()) {
            return null;
        }
        for (String name : withoutCurrency(key)) {
            for (String column : candidates) {
                if (column.equals(name)
                        || column.equals(name + "_xof")
                        || squeezed(column).equals(squeezed(name))
                        || squeezed(column).equals(squeezed(name + "_xof"))) {
                    return column;
                }
            }
            for (String column : OFFICE_NAMES.getOrDefault(name, List.of())) {
                if (candidates.contains(column)) {
                    return column;
                }
            }
        }
        return null;
    }

    /**
     * A name reduced to what a reader sees in it: compatibility forms folded (full-width letters,
     * {@code º}), accents and invisible characters dropped, lower case, every run of anything but letters
     * and digits one {@code _}: {@code Net Pay (XOF)} and {@code net-pay-xof} are both {@code net_pay_xof}.
     */
    static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        boolean gap = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && key.length() > 0) {
                    key.append('_');
                }
                key.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return key.toString();
    }

    private static List<String> withoutCurrency(String key) {
        for (String suffix : CURRENCY_SUFFIXES) {
            if (key.endsWith(suffix) && key.length() > suffix.length()) {
                return List.of(key, key.substring(0, key.length() - suffix.length()));
            }
        }
        return List.of(key);
    }

    private static String squeezed(String key) {
        return key.replace("_", "");
    }

    /** The found names as a list for the sentence: escaped (no control character), long ones cut, blanks left out. */
    private static String shown(List<String> found) {
        List<String> names = found.stream()
                .filter(cell -> !cell.isEmpty())
                .map(HeaderAdvice::shown)
                .toList();
        if (names.isEmpty()) {
            return "no column name";
        }
        if (names.size() <= MAX_SHOWN_COLUMNS) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_SHOWN_COLUMNS)) + " and " + (names.size() - MAX_SHOWN_COLUMNS)
                + " more";
    }

    private static String shown(String cell) {
        return InputName.escaped(Cells.shown(cell));
    }

    private static Map<String, List<String>> table(String... pairs) {
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            table.put(pairs[i], List.of(pairs[i + 1].split(" ")));
        }
        return Map.copyOf(table);
    }
}

package org.smartphone.payroll.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.failure.RefusedException;

/**
 * Where a command works: its home and its database, said in the first line it prints (on stderr, so
 * that {@code status > runs.txt} or a script reading stdout gets the same output as before). A home
 * run from the wrong folder would otherwise be a new, empty one without a word: {@code ./jobs} is
 * relative to the current folder (SPEC 6).
 *
 * @param home the home the command uses
 * @param named whether it came from {@code --home} or {@code PAYROLL_HOME} rather than the default
 * @param url {@code PAYROLL_DB_URL}, null for the embedded database
 * @param user {@code PAYROLL_DB_USER} with that URL
 */
record Whereabouts(Home home, boolean named, String url, String user) {

    /** The file H2 keeps the embedded database in (the engine opens {@code db/payroll}). */
    static final String EMBEDDED_FILE = "payroll.mv.db";

    static Whereabouts of(Home home, boolean named, Map<String, String> environment) {
        String url = environment.get("PAYROLL_DB_URL");
        boolean embedded = url == null || url.isBlank();
        return new Whereabouts(
                home,
                named,
                embedded ? null : url,
                embedded ? null : environment.getOrDefault("PAYROLL_DB_USER", "sa"));
    }

    /**
     * {@code Home /srv/payroll, database /srv/payroll/db/payroll.mv.db (embedded H2)}, or the server's URL
     * and user.
     */
    String line() {
        return "Home " + home.root() + ", database "
                + (url == null ? embeddedFile() + " (embedded H2)" : withoutSecrets(url) + " (user " + user + ")");
    }

    /** No home folder yet, or (embedded database) no database in it: a command would start a new ledger. */
    boolean isNew() {
        return !Files.isDirectory(home.root())
                || url == null && !Files.exists(embeddedFile(), LinkOption.NOFOLLOW_LINKS);
    }

    /** Said under the first line when a command creates a home nobody named. */
    String creatingNotice() {
        return (Files.isDirectory(home.root()) ? "No ledger in " : "No home at ") + home.root()
                + ": creating a new one; pass --home DIR or set PAYROLL_HOME to use an existing home.";
    }

    /**
     * {@code status} and {@code report} only read the ledger: in a new home they would create an empty
     * one and answer "No run yet", which reads as if the runs were lost. They are refused instead
     * (exit 3), naming where they looked, and create nothing.
     */
    RefusedException nothingToRead(String command) {
        String where = !Files.isDirectory(home.root())
                ? "No home at " + home.root()
                : "No ledger in " + home.root() + " (no " + embeddedFile() + ")";
        return new RefusedException(where + ": " + command + " has nothing to read and creates nothing. Pass --home"
                + " DIR or set PAYROLL_HOME to the home of your runs.");
    }

    private Path embeddedFile() {
        return home.database().resolve(EMBEDDED_FILE);
    }

    /**
     * The URL as it may be shown: without a user and password written in it ({@code //user:pw@host})
     * and without its parameters ({@code ?password=...}, {@code ;password=...}), which can hold secrets.
     */
    static String withoutSecrets(String url) {
        String shown = url;
        int cut = indexOfAny(shown, '?', ';');
        if (cut >= 0) {
            shown = shown.substring(0, cut);
        }
        int authority = shown.indexOf("//");
        if (authority >= 0) {
            int at = shown.indexOf('@', authority + 2);
            int slash = shown.indexOf('/', authority + 2);
            if (at >= 0 && (slash < 0 || at < slash)) {
                shown = shown.substring(0, authority + 2) + shown.substring(at + 1);
            }
        }
        return shown;
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
}

package org.smartphone.payroll.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.smartphone.payroll.files.PrivateFiles;
import org.smartphone.payroll.period.Period;

/** The engine's home folder (SPEC 6): inbox, outbox, archive, rejected, the embedded database and the log. */
public record Home(Path root) {

    public Home {
        root = root.toAbsolutePath().normalize();
    }

    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path outbox(Period period) {
        return root.resolve("outbox").resolve(period.toString());
    }

    public Path archive() {
        return root.resolve("archive");
    }

    public Path rejected() {
        return root.resolve("rejected");
    }

    public Path database() {
        return root.resolve("db");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** logs/payroll.log, which logback appends to. */
    public Path log() {
        return logs().resolve("payroll.log");
    }

    /**
     * Creates the folders that are missing, private (PrivateFiles). The engine's own folders made by an
     * earlier version lose the permissions the mode does not give (others could read them); the inbox,
     * where other accounts may drop files, is left as the administrator made it. The log is created
     * here, private, since logback would create it with the umask; a link planted at its name is
     * removed, as logback would append to its target.
     */
    public void createFolders(PrivateFiles files) throws IOException {
        files.createFolders(inbox());
        for (Path folder : new Path[] {root.resolve("outbox"), archive(), rejected(), database(), logs()}) {
            files.createFolders(folder);
            files.restrict(folder);
        }
        if (Files.isSymbolicLink(log()) || !Files.exists(log(), LinkOption.NOFOLLOW_LINKS)) {
            files.create(log()).close();
        }
    }
}

package org.smartphone.payroll.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.smartphone.payroll.contract.Period;

/** The engine's home folder (SPEC 6): inbox, outbox, archive, rejected and the embedded database. */
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

    public void createFolders() throws IOException {
        for (Path folder : new Path[] {inbox(), root.resolve("outbox"), archive(), rejected(), database()}) {
            Files.createDirectories(folder);
        }
    }
}

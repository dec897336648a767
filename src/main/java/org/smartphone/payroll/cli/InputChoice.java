package org.smartphone.payroll.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.smartphone.payroll.config.Home;

/**
 * The input of a run: the file named with {@code --file}, else the default name in the inbox. A
 * file that lies in the inbox is archived after a successful run, however it was named.
 */
record InputChoice(Path path, boolean fromInbox) {

    static InputChoice of(Home home, Path file, String defaultName) {
        Path path =
                file != null ? file.toAbsolutePath().normalize() : home.inbox().resolve(defaultName);
        return new InputChoice(path, isIn(home.inbox(), path));
    }

    static boolean isIn(Path folder, Path file) {
        try {
            Path parent = file.toAbsolutePath().normalize().getParent();
            return parent != null && Files.exists(folder) && Files.exists(parent) && Files.isSameFile(folder, parent);
        } catch (IOException e) {
            return false;
        }
    }
}

package org.smartphone.payroll.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Moves a processed input out of the inbox (SPEC 6). A name already taken in the target folder
 * gets the first 12 hex digits of the file's SHA-256 appended. Moving again after a crash is
 * harmless: a file already moved is left where it is, and a file that now has the input's name but
 * other content (dropped meanwhile), or is not a regular file, is not the run's, and is left alone.
 * The moved file gets the mode of the home's files, whatever mode it was dropped with (PrivateFiles).
 */
public final class Archive {

    private Archive() {}

    /** Returns where the file now is, or null when the file at {@code input} is not the one expected. */
    public static Path move(Path input, Path folder, String sha256) throws IOException {
        PrivateFiles files = PrivateFiles.current();
        files.createFolders(folder);
        Path target = folder.resolve(input.getFileName().toString());
        if (!Files.exists(input)) {
            return target;
        }
        if (!isTheRunsFile(input, sha256)) {
            return null;
        }
        if (Files.exists(target)) {
            if (Sha256.of(target).equals(sha256)) {
                Files.delete(input);
                return target;
            }
            target = folder.resolve(withSuffix(input.getFileName().toString(), sha256.substring(0, 12)));
        }
        Files.move(input, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        files.take(target);
        Outbox.forceFolderToDisk(folder);
        Outbox.forceFolderToDisk(input.getParent());
        return target;
    }

    /**
     * Whether the inbox file is still the run's: a regular file (a symbolic link is never archived as
     * one, a pipe put there is never read) with the run's content.
     */
    private static boolean isTheRunsFile(Path input, String sha256) throws IOException {
        try {
            return RegularFile.sha256(input, false).equals(sha256);
        } catch (RegularFile.NotRegularException e) {
            return false;
        }
    }

    /**
     * The two places {@link #move} may have put an input of that name and SHA-256 in that folder:
     * under its own name, or with the first 12 hex digits of the digest appended.
     */
    public static List<Path> placesFor(Path folder, String name, String sha256) {
        return List.of(folder.resolve(name), folder.resolve(withSuffix(name, sha256.substring(0, 12))));
    }

    static String withSuffix(String name, String suffix) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + "-" + suffix : name.substring(0, dot) + "-" + suffix + name.substring(dot);
    }
}

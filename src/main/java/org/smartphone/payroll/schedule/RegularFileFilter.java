package org.smartphone.payroll.schedule;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.file.filters.FileListFilter;

/**
 * Keeps only regular files: an entry of the inbox under a name serve runs that is a named pipe, a
 * folder, a symbolic link or a device can never be run as it is (reading a pipe waits for a writer; a
 * link would run a file from outside the inbox), so it is not offered to the runner at all. Each is
 * logged once, and again only if it leaves the inbox and comes back.
 */
final class RegularFileFilter implements FileListFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(RegularFileFilter.class);

    /** The paths already logged that are still in the inbox. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Override
    public List<File> filterFiles(File[] files) {
        List<File> regular = new ArrayList<>();
        Set<String> others = new HashSet<>();
        for (File file : files) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file.toPath(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException gone) {
                continue; // removed since the listing: nothing to offer, nothing to say
            }
            if (attributes.isRegularFile()) {
                regular.add(file);
                continue;
            }
            others.add(file.getPath());
            if (reported.add(file.getPath())) {
                LOG.warn(
                        "not a regular file: {} ({}) is left in the inbox; serve never runs it.",
                        file.getName(),
                        kind(attributes));
            }
        }
        reported.retainAll(others);
        return regular;
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        return attributes.isDirectory() ? "a folder" : "a named pipe, socket or device";
    }
}

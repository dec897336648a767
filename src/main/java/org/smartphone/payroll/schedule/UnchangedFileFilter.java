package org.smartphone.payroll.schedule;

import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.integration.file.filters.FileListFilter;

/**
 * Takes a file only once its size and modification time have stayed the same for {@code settle}
 * between two looks at the inbox: a file still being copied in place (not written as {@code .part}
 * then renamed) is left until its writer is done. Spring Integration's LastModifiedFileListFilter
 * looks at the modification time only, which some file systems keep to the second or coarser; the
 * size catches a writer that is still appending within that second.
 */
final class UnchangedFileFilter implements FileListFilter<File> {

    private final Duration settle;
    private final Clock clock;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    UnchangedFileFilter(Duration settle, Clock clock) {
        this.settle = settle;
        this.clock = clock;
    }

    @Override
    public List<File> filterFiles(File[] files) {
        List<File> accepted = new ArrayList<>();
        Set<String> present = new HashSet<>();
        Instant now = clock.instant();
        for (File file : files) {
            present.add(file.getPath());
            Seen current = new Seen(file.length(), file.lastModified(), now);
            Seen before = seen.merge(file.getPath(), current, (old, fresh) -> old.sameFileAs(fresh) ? old : fresh);
            if (before.sameFileAs(current)
                    && !before.since().plus(settle).isAfter(now)
                    && before.since().isBefore(now)) {
                accepted.add(file);
            }
        }
        seen.keySet().retainAll(present);
        return accepted;
    }

    /** A file's size and modification time, and since when they have been so. */
    private record Seen(long size, long lastModified, Instant since) {

        boolean sameFileAs(Seen other) {
            return size == other.size && lastModified == other.lastModified;
        }
    }
}

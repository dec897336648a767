package org.smartphone.payroll.schedule;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartphone.payroll.run.CloseInboxName;
import org.smartphone.payroll.run.InboxName;
import org.springframework.integration.file.filters.FileListFilter;

/**
 * Keeps the files whose names serve runs ({@link InboxName#isInput}). Any other file in the inbox is
 * logged once as not recognised, with the name serve would take ({@link CloseInboxName}:
 * {@code Payroll_2026-01.csv} is told to be renamed {@code payroll-2026-01.csv}), and again only if it
 * leaves the inbox and comes back. Files on their way in ({@link InboxName#isOnItsWay}: {@code *.part},
 * {@code *.tmp}, hidden files and spreadsheet lock files) are passed over in silence.
 */
final class InboxNameFilter implements FileListFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxNameFilter.class);

    /** The paths already logged that are still in the inbox. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Override
    public List<File> filterFiles(File[] files) {
        List<File> taken = new ArrayList<>();
        Set<String> others = new HashSet<>();
        for (File file : files) {
            String name = file.getName();
            if (InboxName.isInput(name)) {
                taken.add(file);
            } else if (!InboxName.isOnItsWay(name)) {
                others.add(file.getPath());
                if (reported.add(file.getPath())) {
                    LOG.warn("{}", CloseInboxName.unrecognised(name));
                }
            }
        }
        reported.retainAll(others);
        return taken;
    }
}

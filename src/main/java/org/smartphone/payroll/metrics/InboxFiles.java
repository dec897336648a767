package org.smartphone.payroll.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.smartphone.payroll.run.InboxName;

/**
 * The files waiting in the inbox, by the input they are named as (SPEC 5 names, {@link InboxName}). A file on its
 * way in ({@link InboxName#isOnItsWay}: being written, hidden, a spreadsheet's lock file) is not waiting yet; a
 * file the engine would never take (a misspelt name) counts as {@link Input#OTHER}, so that someone notices it.
 */
final class InboxFiles {

    private InboxFiles() {}

    /** The kinds of input a file in the inbox can be, as the {@code input} tag of the meters names them. */
    enum Input {
        CONTRACTS("contracts"),
        REGISTER("register"),
        RETURN("return"),
        PAYMENTS("payments"),
        REFUNDS_PAID("refunds-paid"),
        OTHER("other");

        private final String tag;

        Input(String tag) {
            this.tag = tag;
        }

        String tag() {
            return tag;
        }
    }

    static Input kindOf(String name) {
        return InboxName.parse(name)
                .map(input -> switch (input.kind()) {
                    case IMPORT -> Input.CONTRACTS;
                    case DEDUCTION -> Input.REGISTER;
                    case RECONCILIATION -> Input.RETURN;
                    case PAYMENTS -> Input.PAYMENTS;
                    case REFUNDS_CONFIRM -> Input.REFUNDS_PAID;
                    default -> Input.OTHER;
                })
                .orElse(Input.OTHER);
    }

    /** Counts the regular files in the inbox per kind; every kind is present, zero when none. */
    static Map<Input, Long> waiting(Path inbox) {
        Map<Input, Long> counts = new EnumMap<>(Input.class);
        for (Input input : Input.values()) {
            counts.put(input, 0L);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!InboxName.isOnItsWay(name) && Files.isRegularFile(file)) {
                    counts.merge(kindOf(name), 1L, Long::sum);
                }
            }
        } catch (NoSuchFileException e) {
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }
}

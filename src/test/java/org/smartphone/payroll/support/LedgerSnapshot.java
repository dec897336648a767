package org.smartphone.payroll.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a refused command must leave as it was (SPEC 5 "nothing changed"): the ledger of every
 * contract, the number of rows the runs write, and the files in the outbox and the archive.
 *
 * @param contracts     contract_id, collected_xof, settled_period of every contract
 * @param counts        rows in posting, deduction_line, reconciliation_line, arrears_line,
 *                      holder_ministry and processed_file
 * @param outbox        every file under outbox/, with its SHA-256
 * @param archive       every file under archive/, with its SHA-256
 */
public record LedgerSnapshot(
        List<List<String>> contracts, List<String> counts, List<String> outbox, List<String> archive) {

    public static LedgerSnapshot of(Programme programme) {
        return new LedgerSnapshot(
                programme.query("SELECT c.contract_id, b.collected_xof, c.settled_period FROM contract c"
                        + " JOIN contract_balance b ON b.contract_id = c.contract_id ORDER BY c.contract_id"),
                programme
                        .query("SELECT (SELECT COUNT(*) FROM posting), (SELECT COUNT(*) FROM deduction_line),"
                                + " (SELECT COUNT(*) FROM reconciliation_line), (SELECT COUNT(*) FROM arrears_line),"
                                + " (SELECT COUNT(*) FROM holder_ministry), (SELECT COUNT(*) FROM processed_file)")
                        .get(0),
                files(programme.home().resolve("outbox")),
                files(programme.home().resolve("archive")));
    }

    /** Every regular file under {@code folder}, as {@code relative/path sha256}, sorted. */
    public static List<String> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file) + " " + OutputFiles.sha256(file))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.smartphone.payroll.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run as the input handling sees it: the file it reads, whether that came from the inbox, and how
 * many invalid lines it allows. The run's own record ({@code run/RunContext}) is one; reading it through
 * this interface keeps {@code files/} below the runs, which use it.
 */
public interface InputRun {

    long runId();

    Path input();

    /** The input's file name, as messages and the errors file name it. */
    String inputName();

    boolean fromInbox();

    /** The most invalid lines the run may skip (SPEC 5, {@code max-rejects}). */
    long maxRejects();

    /** Fails the run (exit 2) when what {@code file} read is not the file the run started with. */
    void checkReadAsStarted(CsvInputFile file) throws IOException;
}

package org.smartphone.payroll.stop;

import java.util.OptionalLong;

/**
 * The stop rule (SPEC 7.0): after a run's postings, an order line of the open period whose contract
 * now owes less (0 unless OPEN) than the line's amount in force is stopped, and that outstanding becomes
 * its amount in force. A stop never raises the amount in force.
 */
public final class StopRule {

    private StopRule() {}

    /**
     * @param inForceXof the order line's amount in force: its order amount, or the amount of its latest stop
     * @param outstandingXof what the contract owes after the run's postings (0 unless OPEN)
     * @return the new amount in force, or empty when the line is not stopped
     */
    public static OptionalLong stop(long inForceXof, long outstandingXof) {
        return outstandingXof < inForceXof ? OptionalLong.of(Math.max(0, outstandingXof)) : OptionalLong.empty();
    }
}

package org.smartphone.payroll.reference;

/**
 * The credit rule of SPEC 7.0, worked out on its own: an amount a &gt; 0 arriving for a contract in
 * a given state.
 *
 * <pre>
 * OPEN                 posted = min(a, outstanding), added to collected; SETTLED when outstanding reaches 0
 * WRITTEN_OFF          posted = min(a, written_off − recovered), added to recovered
 * SETTLED or CANCELLED posted = 0
 * refund due = a − posted in every case
 * </pre>
 *
 * @param posted what is credited (to collected for OPEN, to recovered for WRITTEN_OFF)
 * @param refundDue what is owed back
 * @param settles whether the contract becomes SETTLED by this credit
 */
public record RefCredit(long posted, long refundDue, boolean settles) {

    public static final String OPEN = "OPEN";
    public static final String SETTLED = "SETTLED";
    public static final String WRITTEN_OFF = "WRITTEN_OFF";
    public static final String CANCELLED = "CANCELLED";

    /**
     * @param state OPEN, SETTLED, WRITTEN_OFF or CANCELLED
     * @param outstanding financed − collected − written_off (used for OPEN)
     * @param writtenOff the contract's written_off (used for WRITTEN_OFF)
     * @param recovered the contract's recovered (used for WRITTEN_OFF)
     * @param amount a ≥ 0 (0 credits nothing and owes nothing back)
     */
    public static RefCredit of(String state, long outstanding, long writtenOff, long recovered, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a credited amount cannot be negative");
        }
        switch (state) {
            case OPEN -> {
                long posted = Math.min(amount, outstanding);
                return new RefCredit(posted, amount - posted, posted > 0 && posted == outstanding);
            }
            case WRITTEN_OFF -> {
                long posted = Math.min(amount, writtenOff - recovered);
                return new RefCredit(posted, amount - posted, false);
            }
            case SETTLED, CANCELLED -> {
                return new RefCredit(0, amount, false);
            }
            default -> throw new IllegalArgumentException("unknown contract state " + state);
        }
    }
}

package org.smartphone.payroll.config;

/**
 * The share p/q of net pay that the programme may deduct (SPEC 3, default 1/3). Capacity is
 * {@code floor(net_pay × p / q)}, 0 for a net pay of 0 or less.
 */
public record CapRatio(long numerator, long denominator) {

    public CapRatio {
        if (numerator < 0 || denominator < 1 || numerator > denominator) {
            throw new IllegalArgumentException("cap ratio must be p/q with 0 <= p <= q and q >= 1");
        }
    }

    /** Parses {@code p/q}, for example {@code 1/3}. */
    public static CapRatio parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("cap ratio is written p/q, for example 1/3: " + text);
        }
        return new CapRatio(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()));
    }

    public long capacity(long netPayXof) {
        if (netPayXof <= 0) {
            return 0;
        }
        return Math.multiplyExact(netPayXof, numerator) / denominator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}

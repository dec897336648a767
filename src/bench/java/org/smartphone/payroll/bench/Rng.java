package org.smartphone.payroll.bench;

import java.util.SplittableRandom;

/**
 * Deterministic random streams: each (seed, stream, key…) gives its own generator, so a person's
 * pay in a month or a contract's terms do not depend on the order in which rows are written, and
 * the generator needs no memory of what it wrote.
 */
final class Rng {

    static final long PERSON = 1;
    static final long MONTH = 2;
    static final long COUNTS = 3;
    static final long CONTRACT = 4;
    static final long RETURN = 5;
    static final long PERMUTATION = 6;
    static final long PAYMENT = 7;
    static final long REFUND = 8;

    private Rng() {}

    static SplittableRandom of(long seed, long stream, long key) {
        return new SplittableRandom(mix(mix(seed * 31 + stream) ^ key));
    }

    static SplittableRandom of(long seed, long stream, long key, long key2) {
        return new SplittableRandom(mix(mix(mix(seed * 31 + stream) ^ key) + key2));
    }

    /** The SplitMix64 finaliser. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Picks an index by integer weights. */
    static int pick(SplittableRandom random, int[] weights, int total) {
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}

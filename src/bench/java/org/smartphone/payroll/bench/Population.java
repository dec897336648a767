package org.smartphone.payroll.bench;

import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * The civil servants of the synthetic programme. Person k (0 ≤ k &lt; N) has matricule
 * {@code MAT-<k+1>} and fixed traits (name, ministry, base pay, the month they leave the payroll if
 * ever), all drawn from the seed and k. The holders of contracts are H of them chosen by a
 * seeded affine permutation of [0, N), so they are spread evenly over the register without a
 * table in memory: holder h is person {@link #personOfHolder(long)}, and person k is a holder
 * when {@link #holderIndex(long)} &lt; H.
 */
final class Population {

    static final String[] STATUSES = {"ACTIVE", "SUSPENDED", "LEFT", "RETIRED", "DECEASED"};

    private static final String[] FIRST_NAMES = {
        "Kossi",
        "Afi",
        "Essodina",
        "Tchilabalo",
        "Komlan",
        "Ama",
        "Yawo",
        "Akossiwa",
        "Kodjo",
        "Adjoa",
        "Mawuli",
        "Dédé",
        "Koffi",
        "Abla",
        "Edem",
        "Akouvi",
        "Sénam",
        "Kokou",
        "Ayélé",
        "Messan",
        "Aïcha",
        "Ibrahim",
        "Fati",
        "Moussa",
        "Mariam",
        "Abdou",
        "Essozimna",
        "Pidassa",
        "Kafui",
        "Yao",
        "Délali",
        "Sélom",
        "Nadia",
        "Pascal",
        "Mireille",
        "Bernadette",
        "Jean-Baptiste",
        "Marie-Claire",
        "Honorine",
        "Gnimdou"
    };
    private static final String[] LAST_NAMES = {
        "Agbéko",
        "Mensah",
        "Agba",
        "Walla",
        "Amenyo",
        "Adjovi",
        "Kpodar",
        "Lawson",
        "d'Almeida",
        "Gnassingbé",
        "Tchalla",
        "Akakpo",
        "Dogbé",
        "Kouassi",
        "Ayivi",
        "Amouzou",
        "Bawa",
        "Tchédré",
        "Djagba",
        "Koudjo",
        "Ouro-Sama",
        "Assih",
        "Folly",
        "Adzoh",
        "Klutsé",
        "N'Gani",
        "Sossou",
        "Tété",
        "Alassani",
        "Bodjona",
        "Kombaté",
        "Gbadoé",
        "Hounkpati",
        "Pali",
        "Eklou",
        "Tossou",
        "Atsu",
        "Sama",
        "Wiyao",
        "Yovo"
    };
    static final String[] MINISTRIES = {
        "MEF", "MSP", "MAEDR", "MENET", "MESR", "MSPC", "MJ", "MTP", "MCOM", "MAE", "MFPTDS", "MDAC", "MERF", "MJS",
        "MCT", "MEN", "MIN", "MSHP", "MPTD", "MATDCL"
    };

    /** Per-month hazard of leaving the payroll for good (LEFT, RETIRED or DECEASED). */
    private static final double EXIT_HAZARD = 0.004;

    final long people;
    final long holders;
    private final long seed;
    private final long a;
    private final long b;
    private final long aInverse;
    private final int digits;

    Population(long seed, long people, long holders) {
        if (people < 1 || people > 1_000_000_000L) {
            throw new IllegalArgumentException("--people must be between 1 and 1 000 000 000.");
        }
        if (holders > people) {
            throw new IllegalArgumentException(holders + " contract holders are needed but there are only " + people
                    + " people: raise --people or lower --contracts.");
        }
        this.seed = seed;
        this.people = people;
        this.holders = holders;
        SplittableRandom random = Rng.of(seed, Rng.PERMUTATION, 0);
        BigInteger n = BigInteger.valueOf(Math.max(people, 1));
        long candidate = people <= 2 ? 1 : 2 + random.nextLong(people - 2);
        while (!BigInteger.valueOf(candidate).gcd(n).equals(BigInteger.ONE)) {
            candidate = candidate + 1 >= people ? 1 : candidate + 1;
        }
        this.a = candidate;
        this.b = people <= 1 ? 0 : random.nextLong(people);
        this.aInverse = people <= 1 ? 0 : BigInteger.valueOf(a).modInverse(n).longValue();
        this.digits = Math.max(6, Long.toString(people).length());
    }

    /** a·k + b mod N; N is at most 10⁹, so the product stays within a long. */
    long holderIndex(long person) {
        return people <= 1 ? 0 : (a * person + b) % people;
    }

    long personOfHolder(long holder) {
        return people <= 1 ? 0 : (aInverse * Math.floorMod(holder - b, people)) % people;
    }

    boolean isHolder(long person) {
        return holderIndex(person) < holders;
    }

    void matricule(long person, StringBuilder into) {
        into.append("MAT-");
        pad(person + 1, digits, into);
    }

    String matricule(long person) {
        StringBuilder s = new StringBuilder(4 + digits);
        matricule(person, s);
        return s.toString();
    }

    static void pad(long value, int width, StringBuilder into) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            into.append('0');
        }
        into.append(s);
    }

    /** The fixed traits of one person. */
    Person person(long k) {
        SplittableRandom r = Rng.of(seed, Rng.PERSON, k);
        String first = FIRST_NAMES[r.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[r.nextInt(LAST_NAMES.length)];
        int style = r.nextInt(1000);
        String name;
        if (style < 6) {
            name = last.toUpperCase(java.util.Locale.ROOT) + ", " + first; // quoted in the file
        } else if (style < 8) {
            name = first + " \"" + FIRST_NAMES[r.nextInt(FIRST_NAMES.length)] + "\" " + last;
        } else {
            name = first + " " + last;
        }
        String ministry = MINISTRIES[Math.min(MINISTRIES.length - 1, (int) Math.abs(r.nextGaussian() * 6))];
        // Log-normal net pay around 150 000 F: median 150 000, σ 0.45 (most between 60 000 and 380 000).
        long basePay = Math.round(150_000 * Math.exp(0.45 * r.nextGaussian()) / 50) * 50;
        double u = r.nextDouble();
        int exitMonth = (int) Math.min(10_000, Math.floor(Math.log(1 - u) / Math.log(1 - EXIT_HAZARD)));
        int exitRoll = r.nextInt(100);
        String exitStatus = exitRoll < 50 ? "LEFT" : exitRoll < 90 ? "RETIRED" : "DECEASED";
        return new Person(k, name, ministry, basePay, exitMonth, exitStatus);
    }

    /** One person's traits. {@code exitMonth} counts from the first month of the programme (0). */
    record Person(long index, String fullName, String ministry, long basePay, int exitMonth, String exitStatus) {}
}

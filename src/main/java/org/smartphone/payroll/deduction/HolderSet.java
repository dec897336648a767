package org.smartphone.payroll.deduction;

import org.smartphone.payroll.files.PackedIdentifiers;

/**
 * The matricules that hold an open contract, which a deduction run keeps while reading the register:
 * packed ({@link PackedIdentifiers}) in ascending order, each once, and searched by bisection. At
 * 3 million holders that is about 15 bytes each, where a {@code HashSet<String>} takes over 100.
 */
final class HolderSet {

    private final PackedIdentifiers matricules;

    private HolderSet(PackedIdentifiers matricules) {
        this.matricules = matricules;
    }

    int size() {
        return matricules.size();
    }

    /** Any text: one that is not a valid matricule (lower case, accents) is simply absent. */
    boolean contains(String matricule) {
        return indexOf(matricule) >= 0;
    }

    /**
     * The position of a matricule in ascending order, from 0 to {@code size() - 1}, or -1 when it
     * holds no open contract: arrays of this size can hold one value per holder.
     */
    int indexOf(String matricule) {
        return matricules.indexOf(matricule);
    }

    /** The matricule at a position. */
    String matricule(int index) {
        return matricules.get(index);
    }

    /** Collects matricules given in ascending order; repeats (one holder, several contracts) are kept once. */
    static final class Builder {

        private final PackedIdentifiers.Builder matricules = new PackedIdentifiers.Builder();
        private String last;

        Builder add(String matricule) {
            if (last != null) {
                int order = last.compareTo(matricule);
                if (order == 0) {
                    return this;
                }
                if (order > 0) {
                    throw new IllegalArgumentException(
                            "matricules must come in ascending order: " + last + " before " + matricule);
                }
            }
            matricules.add(matricule);
            last = matricule;
            return this;
        }

        /** How many distinct matricules so far: the last one added is at position {@code size() - 1}. */
        int size() {
            return matricules.size();
        }

        HolderSet build() {
            return new HolderSet(matricules.build());
        }
    }
}

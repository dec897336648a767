/**
 * Measuring tools, not part of the monthly cycle: {@link org.smartphone.payroll.bench.SyntheticProgramme}
 * writes a seeded synthetic programme in the SPEC 5 formats ({@code scripts/generate}), and
 * {@link org.smartphone.payroll.bench.ParseFloor} times the bare parse of a file, the floor that
 * {@code scripts/bench} compares each run with; {@link org.smartphone.payroll.bench.StraightforwardDeduction}
 * is the deduction written as a straightforward Spring Batch job (one lookup per register row), the
 * comparison point of issue 4, run by {@code scripts/bench} on the same data. None of them is in
 * {@code payroll.jar}: the build compiles {@code src/bench/java} into {@code target/bench-classes} (against the
 * product's classes and dependencies only), which the two scripts put on the class path beside the jar, and the
 * tests compile it with their own sources.
 */
package org.smartphone.payroll.bench;

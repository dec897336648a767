package org.smartphone.payroll.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 4: the status of an order line expecting e of which w was withheld. */
class ReconciliationStatusTests {

    @Nested
    class OfAnOrderLine {

        @ParameterizedTest(name = "e = {0}, w = {1} → {2}")
        @CsvSource({
            // w = e
            "5000, 5000, MATCHED",
            "1, 1, MATCHED",
            // w = 0
            "5000, 0, NOT_WITHHELD",
            // 0 < w < e
            "5000, 1, SHORT",
            "5000, 3000, SHORT",
            "5000, 4999, SHORT",
            // w > e
            "5000, 5001, OVER",
            "5000, 8000, OVER"
        })
        void followsTheTable(long expected, long withheld, ReconciliationStatus status) {
            assertThat(ReconciliationStatus.of(expected, withheld)).isEqualTo(status);
        }
    }

    @Nested
    class WhatPosts {

        @Test
        void matchedShortAndOverPost() {
            assertThat(ReconciliationStatus.MATCHED.posts()).isTrue();
            assertThat(ReconciliationStatus.SHORT.posts()).isTrue();
            assertThat(ReconciliationStatus.OVER.posts()).isTrue();
        }

        @Test
        void notWithheldAndUnexpectedPostNothing() {
            assertThat(ReconciliationStatus.NOT_WITHHELD.posts()).isFalse();
            assertThat(ReconciliationStatus.UNEXPECTED.posts()).isFalse();
        }
    }
}

package org.smartphone.payroll.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which file names an input may have, and how a name is shown in a message. */
class InputNameTests {

    @Test
    void aNameThatLeavesRoomForTheArchiveSuffixAndTheReasonFileIsAccepted() {
        // 225 bytes, + "-" and 12 hex digits + ".reason.txt" written aside as ".<name>.part" = 255,
        // the most a file system allows
        String name = "contracts-" + "a".repeat(211) + ".csv";
        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(225);

        assertThat(InputName.problem(name)).isEmpty();
        assertThat(InputName.problem("a" + name)).get().asString().contains("226 bytes");
    }

    @Test
    void lengthIsCountedInUtf8Bytes() {
        String name = "payroll-" + "é".repeat(107) + ".csv"; // 115 characters, 226 bytes

        assertThat(InputName.problem(name))
                .get()
                .asString()
                .contains("226 bytes long, more than the 225")
                .contains("rename the file");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "contracts\n.csv",
                "contracts\r.csv",
                "contracts\t.csv",
                "contracts\u0000.csv",
                "contracts\u0085.csv",
                "contracts\u202e.csv",
                "contracts\u200b.csv",
                "contracts\u2028.csv",
                "contracts\u2029.csv",
                "contracts\ufeff.csv"
            })
    void controlAndInvisibleFormattingCharactersAreRefusedAndShownEscaped(String name) {
        String message = InputName.problem(name).orElseThrow();

        assertThat(message)
                .startsWith("contracts\\u")
                .contains(".csv: the file name holds a control")
                .doesNotContainPattern("[\\p{Cc}\\p{Cf}\\u2028\\u2029]");
    }

    @Test
    void escapingWritesTheCodeOfEachControlCharacterAndLeavesTheRestAsItIs() {
        assertThat(InputName.escaped("a\nb\u202Ec été\\d.csv")).isEqualTo("a\\u000ab\\u202ec été\\d.csv");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "contracts.csv",
                "contracts été 2026.csv",
                "payroll janvier é.csv",
                "contracts\\2026.csv",
                "payroll-2026-01.csv"
            })
    void ordinaryNamesAreAccepted(String name) {
        assertThat(InputName.problem(name)).isEmpty();
    }
}

package org.smartphone.payroll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The database URL as the first line of a command shows it: never a password. */
class WhereaboutsTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://db.example:5432/payroll|jdbc:postgresql://db.example:5432/payroll",
                "jdbc:postgresql://db.example/payroll?user=payroll&password=s3cret|jdbc:postgresql://db.example/payroll",
                "jdbc:postgresql://payroll:s3cret@db.example/payroll|jdbc:postgresql://db.example/payroll",
                "jdbc:postgresql://db1,db2:5433/payroll?targetServerType=primary|jdbc:postgresql://db1,db2:5433/payroll",
                "jdbc:h2:file:/srv/other/payroll;PASSWORD=s3cret;CIPHER=AES|jdbc:h2:file:/srv/other/payroll",
                "jdbc:postgresql:payroll?password=s3cret|jdbc:postgresql:payroll"
            })
    void theUrlIsShownWithoutUserInfoNorParameters(String url, String shown) {
        assertThat(Whereabouts.withoutSecrets(url)).isEqualTo(shown);
    }
}

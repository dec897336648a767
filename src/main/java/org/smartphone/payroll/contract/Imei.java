package org.smartphone.payroll.contract;

/** The IMEI of a device: 15 digits whose last one is the Luhn check digit of the first 14. */
public final class Imei {

    private Imei() {}

    public static boolean isValid(String digits) {
        if (digits == null || digits.length() != 15) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = digits.charAt(14 - i);
            if (c < '0' || c > '9') {
                return false;
            }
            int digit = c - '0';
            if (i % 2 == 1) { // every second digit from the right is doubled
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}

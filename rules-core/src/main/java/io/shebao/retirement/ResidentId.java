package io.shebao.retirement;

import io.shebao.ShebaoException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * 居民身份证号码 (GB 11643-1999): 18 characters, 6-digit area code, 8-digit birth date YYYYMMDD, 3-digit
 * sequence whose last digit (the 17th character) is odd for men and even for women, and an ISO 7064
 * MOD 11-2 check character (0–9 or X).
 */
public record ResidentId(String number, LocalDate birthDate, Sex sex) {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** Parses and verifies a number; a bad one is an {@code INVALID_INPUT} error on field {@code idNumber}. */
    public static ResidentId parse(String raw) {
        String s = raw == null ? "" : raw.trim().toUpperCase();
        if (!s.matches("\\d{17}[\\dX]")) {
            throw ShebaoException.invalid("idNumber", raw, "an 18-character resident ID number: 17 digits and a check digit 0-9 or X");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            throw ShebaoException.invalid("idNumber", raw, "characters 7-14 must be a real birth date YYYYMMDD, got "
                    + s.substring(6, 14));
        }
        char expected = checkDigit(s.substring(0, 17));
        if (s.charAt(17) != expected) {
            throw ShebaoException.invalid("idNumber", raw, "the check digit (18th character) should be " + expected
                    + " by ISO 7064 MOD 11-2; check the number for a typing error");
        }
        Sex sex = (s.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return new ResidentId(s, birth, sex);
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public YearMonth birthMonth() {
        return YearMonth.from(birthDate);
    }

    /** The number with the birth date and sequence masked, for logs and reports: 420102********123X → 420102********. */
    public String masked() {
        return number.substring(0, 6) + "********" + number.substring(14);
    }
}

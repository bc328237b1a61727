/**
 * 数值界限: bounded parsing of the numbers a user, a file or a record supplies (amounts, percentages, rates,
 * months, years). The text is checked first (ASCII digits only, a length cap, a short exponent), then the
 * value is built, then its digits and range are checked, so a crafted number such as {@code 1e999999999}
 * costs microseconds and ends as one error naming the field, the value and the allowed range, never as an
 * {@code ArithmeticException} or an {@code OutOfMemoryError}. The limits and how to change them:
 * docs/LIMITS.md.
 */
package io.shebao.internal.number;

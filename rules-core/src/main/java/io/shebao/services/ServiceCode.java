package io.shebao.services;

import io.shebao.ShebaoException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 业务编号: prefix, number and optional part; the normal form has five digits (SBZX000062 → SBZX00062). */
public final class ServiceCode {
    private static final Pattern CODE = Pattern.compile("([A-Z]{2,5})0*(\\d{1,5})(-\\d)?");

    private ServiceCode() {
    }

    /** The normal form of a printed or typed code (case-insensitive, extra leading zeros dropped). */
    public static String normalise(String printed) {
        String s = printed == null ? "" : printed.trim().toUpperCase(Locale.ROOT);
        Matcher m = CODE.matcher(s);
        if (!m.matches()) {
            throw ShebaoException.invalid("code", printed, "a service item code such as SBZX00013, SYB00002 or SBZX00020-1");
        }
        return m.group(1) + String.format("%05d", Integer.parseInt(m.group(2))) + (m.group(3) == null ? "" : m.group(3));
    }
}

package org.gengbao.server.grid;

import java.util.regex.Pattern;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.web.Problem;
import org.springframework.http.HttpStatus;

/**
 * Phone numbers of people and households: personal data (domain.md §6), checked on input and masked on output except
 * for the roles that need them (administrator, enforcement officer), whose every full view is audited.
 */
public final class Phones {
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    private Phones() {}

    /** Whether a role sees phone numbers in full. */
    static boolean fullFor(Role role) {
        return role == Role.ADMIN || role == Role.OFFICER;
    }

    /**
     * The number in its stored form (spaces and a mobile number's hyphens removed, a "+86" prefix dropped), or null for null/blank; 422
     * PHONE_INVALID unless it is a mainland mobile (11 digits starting 13–19) or a landline with its area code.
     */
    static String normalize(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.replaceAll("[\\s()]", "");
        if (p.startsWith("+86")) {
            p = p.substring(3);
        }
        if (MOBILE.matcher(p.replace("-", "")).matches()) {
            return p.replace("-", "");
        }
        if (!LANDLINE.matcher(p).matches()) {
            throw new Problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "PHONE_INVALID",
                    "电话号码“" + phone + "”无效：应为 11 位手机号（如 13812345678）或带区号的固定电话（如 0531-12345678）",
                    "The phone number \"" + phone + "\" is invalid: give an 11-digit mobile number (e.g. 13812345678)"
                            + " or a landline with its area code (e.g. 0531-12345678)");
        }
        return p;
    }

    /** "138****5678": the first three and last four digits kept, the rest starred; null stays null. */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replace("-", "");
        if (digits.length() <= 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    /** The number as {@code role} may see it. */
    static String shown(String phone, Role role) {
        return fullFor(role) ? phone : mask(phone);
    }
}

package org.gengbao.server.cases;

import java.util.Locale;
import java.util.Set;
import org.gengbao.server.grid.Phones;

/** The data fields of a case that hold ID or phone numbers, and how each is masked where it may not be seen in full. */
final class PersonalNumbers {
    /** Fields of transition data holding ID or phone numbers. */
    static final Set<String> FIELDS = Set.of("partyIdNumber", "partyPhone", "idNumber");

    private PersonalNumbers() {}

    /** A phone as 138****5678, an ID number as 3713**********1234. */
    static String mask(String field, String value) {
        return field.toLowerCase(Locale.ROOT).contains("phone") ? Phones.mask(value) : Blacklist.mask(value);
    }
}

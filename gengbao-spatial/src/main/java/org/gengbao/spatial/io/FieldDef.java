package org.gengbao.spatial.io;

/**
 * An attribute column.
 *
 * @param name column name; national layer standards use upper-case names of at most 10 characters, which all three
 *     formats keep unchanged
 * @param length maximum width in characters (dBASE field length; for STRING in bytes of the file's encoding)
 * @param scale digits after the decimal point (DECIMAL only)
 */
public record FieldDef(String name, FieldType type, int length, int scale) {
    public static FieldDef string(String name, int length) {
        return new FieldDef(name, FieldType.STRING, length, 0);
    }

    public static FieldDef integer(String name, int length) {
        return new FieldDef(name, FieldType.INTEGER, length, 0);
    }

    public static FieldDef decimal(String name, int length, int scale) {
        return new FieldDef(name, FieldType.DECIMAL, length, scale);
    }

    public static FieldDef date(String name) {
        return new FieldDef(name, FieldType.DATE, 8, 0);
    }
}

package org.gengbao.spatial;

import java.util.Optional;

/**
 * Input the spatial core cannot accept: a malformed geometry, an unsupported coordinate system, a broken file. Carries a
 * stable {@link #code() code} for programs and a message in Chinese and English for people; where the problem has a
 * place, {@link #location()} says where (longitude/latitude or the input's own coordinates, as stated in the message).
 *
 * <p>It is unchecked because bad input is reported to a person, never retried.
 */
public class SpatialInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String messageZh;
    private final transient Location location;

    /** A point the problem refers to, in the coordinates of {@code crs}. */
    public record Location(double x, double y, String crs) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "(%.7f, %.7f) %s", x, y, crs);
        }
    }

    public SpatialInputException(String code, String messageZh, String messageEn) {
        this(code, messageZh, messageEn, null, null);
    }

    public SpatialInputException(String code, String messageZh, String messageEn, Location location) {
        this(code, messageZh, messageEn, location, null);
    }

    public SpatialInputException(String code, String messageZh, String messageEn, Location location, Throwable cause) {
        super(messageEn, cause);
        this.code = code;
        this.messageZh = messageZh;
        this.location = location;
    }

    /** A stable, upper-case identifier such as {@code UNCLOSED_RING}. */
    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return getMessage();
    }

    public Optional<Location> location() {
        return Optional.ofNullable(location);
    }
}

package org.gengbao.server.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.SpatialInputException.Location;
import org.springframework.http.HttpStatus;

/**
 * An error for the client: an HTTP status, a stable upper-case code and a message in Chinese and English. Thrown
 * anywhere in a request; {@link ProblemHandler} writes it as problem+json.
 */
public class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String code;
    private final String zh;
    private final transient Location location;
    private final transient Map<String, Object> properties = new LinkedHashMap<>();

    public Problem(HttpStatus status, String code, String zh, String en) {
        this(status, code, zh, en, null);
    }

    /** A problem at a place ({@code location}: a point of the input, or null), reported as {@code location}. */
    public Problem(HttpStatus status, String code, String zh, String en, Location location) {
        super(en);
        this.status = status;
        this.code = code;
        this.zh = zh;
        this.location = location;
    }

    /**
     * Bad input reported by the spatial core: 422 when well-formed but unusable, 400 when unreadable; with the place
     * of the problem when the core names one.
     */
    public static Problem of(SpatialInputException e) {
        HttpStatus status = e.code().endsWith("_MALFORMED") ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
        return new Problem(
                status, e.code(), e.messageZh(), e.messageEn(), e.location().orElse(null));
    }

    public static Problem badRequest(String code, String zh, String en) {
        return new Problem(HttpStatus.BAD_REQUEST, code, zh, en);
    }

    public static Problem notFound(String code, String zh, String en) {
        return new Problem(HttpStatus.NOT_FOUND, code, zh, en);
    }

    public static Problem conflict(String code, String zh, String en) {
        return new Problem(HttpStatus.CONFLICT, code, zh, en);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return getMessage();
    }

    /**
     * Adds a member to the problem+json body (e.g. {@code field}: the JSON Pointer of the invalid input); returns this
     * problem.
     */
    public Problem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The extra members of the body, in the order they were added. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** Where in the input the problem is, if known. */
    public Optional<Location> location() {
        return Optional.ofNullable(location);
    }
}

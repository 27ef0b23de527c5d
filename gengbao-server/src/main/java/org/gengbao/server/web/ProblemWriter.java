package org.gengbao.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gengbao.server.storage.JsonText;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem+json body: {@code type} (a URN naming the code), {@code title}, {@code status}, {@code detail} in
 * the caller's language (English when Accept-Language prefers it, Chinese otherwise), the stable {@code code} and both
 * messages under {@code messages}.
 */
public final class ProblemWriter {
    private ProblemWriter() {}

    public static ProblemDetail detail(
            HttpServletRequest request, HttpStatus status, String code, String zh, String en) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, english(request) ? en : zh);
        p.setType(URI.create(
                "urn:gengbao:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        p.setTitle(status.getReasonPhrase());
        p.setProperty("code", code);
        Map<String, String> messages = new LinkedHashMap<>();
        messages.put("zh", zh);
        messages.put("en", en);
        p.setProperty("messages", messages);
        return p;
    }

    /** Writes a problem directly to the response (for filters and security handlers outside MVC). */
    public static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String code,
            String zh,
            String en)
            throws IOException {
        ProblemDetail p = detail(request, status, code, zh, en);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", p.getType().toString());
        body.put("title", p.getTitle());
        body.put("status", p.getStatus());
        body.put("detail", p.getDetail());
        body.putAll(p.getProperties());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JsonText.write(body));
    }

    static boolean english(HttpServletRequest request) {
        String lang = request == null ? null : request.getHeader("Accept-Language");
        return lang != null && lang.trim().toLowerCase(Locale.ROOT).startsWith("en");
    }
}

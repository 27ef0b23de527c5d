package org.gengbao.server.web;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;

/**
 * Reads a request body up to a limit before anything parses it, so an over-large upload is refused (413) without
 * filling memory: a declared Content-Length above the limit is refused before reading, and reading stops one byte past
 * the limit.
 */
public final class LimitedBody {
    private LimitedBody() {}

    /**
     * The bytes of {@code in}, at most {@code limit}; {@code declaredLength} is the request's Content-Length (-1 when
     * unknown). The 413 problem has {@code code}, and {@code whatZh}/{@code whatEn} name the body in its message
     * ("巡查记录" / "The patrol record").
     */
    public static byte[] read(
            InputStream in, long declaredLength, long limit, String code, String whatZh, String whatEn)
            throws IOException {
        if (declaredLength > limit) {
            throw tooLarge(limit, code, whatZh, whatEn);
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw tooLarge(limit, code, whatZh, whatEn);
        }
        return bytes;
    }

    private static Problem tooLarge(long limit, String code, String whatZh, String whatEn) {
        return new Problem(
                HttpStatus.CONTENT_TOO_LARGE,
                code,
                whatZh + "超过 " + limit + " 字节的上限",
                whatEn + " exceeds the limit of " + limit + " bytes");
    }
}

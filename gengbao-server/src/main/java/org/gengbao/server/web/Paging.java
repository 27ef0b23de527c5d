package org.gengbao.server.web;

/** Checks of the {@code page} and {@code size} parameters shared by the list endpoints. */
public final class Paging {
    private Paging() {}

    /** Refuses (400) a negative page or a size outside 1..{@code maxSize}. */
    public static void check(int page, int size, int maxSize) {
        if (page < 0 || size < 1 || size > maxSize) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID",
                    "page 应不小于 0，size 应在 1 到 " + maxSize + " 之间",
                    "page must be 0 or more and size between 1 and " + maxSize);
        }
    }
}

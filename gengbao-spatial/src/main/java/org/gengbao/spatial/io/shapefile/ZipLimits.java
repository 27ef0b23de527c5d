package org.gengbao.spatial.io.shapefile;

/**
 * Limits on a zip archive uploaded by a user, against "zip bombs" that unpack to far more than they weigh.
 *
 * @param maxEntries the most entries the archive may have
 * @param maxTotalBytes the most bytes extracted in all (and declared in the archive directory)
 * @param maxRatio the highest uncompressed/compressed ratio of an entry bigger than {@code ratioCheckMinBytes}
 * @param ratioCheckMinBytes entries smaller than this are not ratio-checked (small files compress arbitrarily well)
 */
public record ZipLimits(int maxEntries, long maxTotalBytes, double maxRatio, long ratioCheckMinBytes) {
    /** 10 000 entries, 2 GiB, 200:1 for entries above 1 MiB. */
    public static final ZipLimits DEFAULT = new ZipLimits(10_000, 2L << 30, 200, 1L << 20);

    public ZipLimits {
        if (maxEntries < 1 || maxTotalBytes < 1 || maxRatio < 1 || ratioCheckMinBytes < 0) {
            throw new IllegalArgumentException("Zip limits must be positive");
        }
    }

    /** These limits with a different total size. */
    public ZipLimits withMaxTotalBytes(long bytes) {
        return new ZipLimits(maxEntries, bytes, maxRatio, ratioCheckMinBytes);
    }
}

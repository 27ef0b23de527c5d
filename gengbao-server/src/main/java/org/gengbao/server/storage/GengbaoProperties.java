package org.gengbao.server.storage;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration under {@code gengbao.*} (see application.properties for the defaults).
 *
 * @param dataDir where the embedded database, evidence files and demo data live
 */
@ConfigurationProperties("gengbao")
public record GengbaoProperties(Path dataDir, Tokens tokens, Accounts accounts, Layers layers, Limits limits) {

    /** @param lifetime how long a login token is valid */
    public record Tokens(Duration lifetime) {}

    /**
     * @param maxFailedLogins consecutive failed logins that lock an account
     * @param lockDuration how long a locked account stays locked
     */
    public record Accounts(int maxFailedLogins, Duration lockDuration) {}

    /** @param pollInterval how often a node looks for layer versions imported by another node */
    public record Layers(Duration pollInterval) {}

    /**
     * @param maxPatchVertices vertex limit of an analysed patch
     * @param maxGeojsonBytes size limit of a GeoJSON request body or file to analyse
     */
    public record Limits(int maxPatchVertices, long maxGeojsonBytes) {}
}

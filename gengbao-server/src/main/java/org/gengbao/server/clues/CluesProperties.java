package org.gengbao.server.clues;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of clues under {@code gengbao.clues.*}.
 *
 * @param webhookUrl where a JSON notice of each new clue is POSTed (none when empty)
 * @param webhookAttempts how often a notice is tried before it is given up (logged)
 * @param webhookTimeout time limit of one attempt
 * @param webhookBackoff pause before the second attempt, doubled for each further one
 * @param pointLinkDistanceM a point observation is linked to an open clue within this distance
 */
@ConfigurationProperties("gengbao.clues")
public record CluesProperties(
        URI webhookUrl,
        @DefaultValue("4") int webhookAttempts,
        @DefaultValue("PT5S") Duration webhookTimeout,
        @DefaultValue("PT0.5S") Duration webhookBackoff,
        @DefaultValue("30") double pointLinkDistanceM) {}

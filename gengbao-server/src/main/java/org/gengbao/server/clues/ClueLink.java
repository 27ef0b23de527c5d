package org.gengbao.server.clues;

/**
 * The clue an observation went to.
 *
 * @param clueId the clue
 * @param verdict the clue's verdict code (LEGAL, ILLEGAL, NEEDS_SITE_CHECK, NO_FARMLAND_INVOLVED), or null for a clue
 *     that has no outline yet
 * @param linked true when the observation was linked to a clue that already existed, false when it created the clue
 * @param observationId the observation
 */
public record ClueLink(String clueId, String verdict, boolean linked, String observationId) {}

/**
 * Enforcement cases (案件, domain.md §5): made from clues, moved along the administrative-penalty workflow by guarded
 * transitions ({@link org.gengbao.server.cases.Workflow}: a table of what each action needs and does), each recorded
 * as an append-only event with its actor, inputs and documents (safe to retry with an idempotency key; dated no earlier
 * than the case's latest act); deadlines per step from configurable legal periods; the penalty helper (on the surveyed
 * area when there is one); photos uploaded for a case; the police, circuit-court and town-execution steps; and the
 * credit blacklist.
 */
package org.gengbao.server.cases;

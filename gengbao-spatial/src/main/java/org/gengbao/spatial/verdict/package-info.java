/**
 * Verdict rules as data: a versioned rule table (JSON) that turns the figures of an overlay into a verdict, sub-types,
 * a police-transfer flag and reasons in Chinese and English carrying the numbers.
 *
 * <p>A {@link org.gengbao.spatial.verdict.RuleSet} has parameters (thresholds a county may change without touching the
 * rules), definitions (named expressions), ordered verdict rules (the first whose condition holds decides the verdict),
 * sub-type rules (each adds a sub-type when its condition holds for the chosen verdict), and the police-transfer rule.
 * Conditions are {@link org.gengbao.spatial.verdict.Expression}s over the figures; reasons are templates whose {@code
 * {expression|format}} placeholders render areas as "m² (mu)", shares as percentages. The default rule set ({@code
 * default-rules.json}) follows domain.md §4; its version and SHA-256 are reported with every result.
 */
package org.gengbao.spatial.verdict;

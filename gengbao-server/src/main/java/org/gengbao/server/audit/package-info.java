/**
 * The audit log: who did what, when (UTC), to what, with which result, from which client — logins, imports, analyses,
 * account changes. Append-only, each entry hash-chained to the previous one (SHA-256), so that {@code gengbao audit
 * verify} detects any edited, removed or reordered entry; the databases also refuse updates and deletes by trigger.
 */
package org.gengbao.server.audit;

/**
 * Accounts and the security baseline: roles of domain.md §6 with a grid scope, passwords hashed with Argon2id, login
 * with bearer tokens that expire, and lock-out after repeated failed logins. Every endpoint except login, health and
 * (later) the public report requires a token; roles are checked per endpoint.
 */
package org.gengbao.server.accounts;

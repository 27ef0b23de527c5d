/**
 * Evidence files (photos, tracks, documents) in a content-addressed store under the data directory: a file is kept once,
 * under the SHA-256 of its bytes, written atomically and never changed.
 */
package org.gengbao.server.evidence;

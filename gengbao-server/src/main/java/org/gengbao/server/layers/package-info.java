/**
 * Reference layers in the database and in memory: importing a delivered file as an immutable layer version (one
 * transaction — a rejected file leaves nothing behind), listing versions, and keeping the in-memory overlay engine
 * current ({@link org.gengbao.server.layers.ReferenceLayers}: a new version is indexed at once on the node that imported
 * it, and within the poll interval on every other node sharing the database).
 */
package org.gengbao.server.layers;

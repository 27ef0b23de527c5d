package org.gengbao.spatial.layer;

/** A layer version read from a file, with the report of how it went. */
public record ImportResult(LayerVersion version, ImportReport report) {}

/**
 * Benchmarks and tools on the command line: {@code bench overlay} (the in-memory engine against PostGIS on a generated
 * county, ending with one {@code overlay-bench key=value …} line), {@code bench jmh} (JMH on the single-patch path)
 * and {@code generate-county} (a synthetic county written as Shapefile, GeoPackage and GeoJSON).
 */
package org.gengbao.bench;

/**
 * Patrol (domain.md §1.3, design.md §4): daily tasks per grid cell planned by rules or added by officers, offline
 * packages for the phone (JSON) and GIS apps (GeoPackage), idempotent uploads of patrol records with their track,
 * observations and photos, and the coverage and effort figures of inspectors and cells.
 */
package org.gengbao.server.patrol;

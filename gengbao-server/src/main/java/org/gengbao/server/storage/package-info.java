/**
 * Storage support shared by all modules: the data directory, the database vendor (embedded H2 + H2GIS or PostgreSQL +
 * PostGIS — the same SQL runs on both, with one migration folder per vendor) and JSON text columns.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gengbao.server.storage;

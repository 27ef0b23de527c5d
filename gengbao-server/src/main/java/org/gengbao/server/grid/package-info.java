/**
 * The responsibility grid (domain.md §1.1–1.2): county → town → village cells with their boundaries and people
 * (inspectors, village information officers, town officers, field chiefs), the permanent basic farmland parcels with
 * their field chief and responsible household, protection signs and boundary markers; and {@link
 * org.gengbao.server.grid.GridScope}, the part of the county an account may see. REST under {@code /api/v1/grid}
 * (cells, people, parcels, signs, markers), always limited to the caller's scope; phones masked except for
 * administrators and enforcement officers, whose full views are audited.
 */
package org.gengbao.server.grid;

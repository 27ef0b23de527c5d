package org.gengbao.postgis;

import org.gengbao.spatial.layer.LayerKind;

/** Table layout per layer kind: the kind-specific columns after the common ones. */
enum StoredKind {
    DLTB(
            LayerKind.DLTB,
            "dltb",
            "dlbm text NOT NULL, dlmc text, kcxs double precision NOT NULL, cultivated boolean NOT NULL"),
    JBNT(LayerKind.JBNT, "jbnt", ""),
    PLAN(LayerKind.PLAN, "plan", "scheme text NOT NULL, code text NOT NULL, name text"),
    APPROVAL(LayerKind.APPROVAL, "approval", "valid_from date NOT NULL, valid_to date"),
    SUPPLY(LayerKind.SUPPLY, "supply", "valid_from date NOT NULL, valid_to date"),
    FACILITY(LayerKind.FACILITY, "facility", "valid_from date NOT NULL, valid_to date"),
    TEMPORARY(LayerKind.TEMPORARY, "temporary", "valid_from date NOT NULL, valid_to date");

    final LayerKind kind;
    final String table;
    final String columns;

    StoredKind(LayerKind kind, String table, String columns) {
        this.kind = kind;
        this.table = table;
        this.columns = columns;
    }

    static StoredKind of(LayerKind kind) {
        return valueOf(kind.name());
    }
}

package org.gengbao.server.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.gengbao.server.web.Problem;

/** The roles of domain.md §6. */
public enum Role {
    /** 局系统管理员: configuration, users, layers, rules. */
    ADMIN("系统管理员"),
    /** 执法人员: all clues and cases of the county. */
    OFFICER("执法人员"),
    /** 巡查员: own tasks and grid; uploads patrol records. */
    INSPECTOR("巡查员"),
    /** 镇/办: own town's clues, cases and executions. */
    TOWN("乡镇人员"),
    /** 村信息员 / 田长: own village and parcels. */
    VILLAGE("村级信息员"),
    /** 公安联络员: cases flagged criminal or needing joint enforcement. */
    POLICE("公安联络员"),
    /** 巡回法庭: enforcement applications and rulings. */
    COURT("巡回法庭"),
    /** 领导: read-only dashboards. */
    LEADER("领导");

    private final String nameZh;

    Role(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            String all = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
            throw Problem.badRequest(
                    "ROLE_UNKNOWN", "未知的角色“" + text + "”，可选：" + all, "Unknown role \"" + text + "\"; one of " + all);
        }
    }
}

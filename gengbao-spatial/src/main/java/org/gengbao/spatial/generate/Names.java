package org.gengbao.spatial.generate;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Plausible Chinese place names and document numbers. */
final class Names {
    private static final String FIRST =
            "青石柳河东西南北王李张刘陈杨黄赵周吴孙马高林郭何罗梁宋郑谢韩唐冯董程曹袁邓许沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙段雷钱汤尹黎常武乔贺龚文";
    private static final String SECOND = "家庄集店屯营寨桥湾坡岭沟口铺楼园泉峪洼坊";

    private final Random random;
    private final Set<String> used = new HashSet<>();

    Names(Random random) {
        this.random = random;
    }

    String town() {
        return unique("镇");
    }

    String village() {
        return unique("村");
    }

    private String unique(String suffix) {
        for (int i = 0; i < 1000; i++) {
            String n = "" + FIRST.charAt(random.nextInt(FIRST.length()))
                    + SECOND.charAt(random.nextInt(SECOND.length()))
                    + (i > 200 ? String.valueOf(FIRST.charAt(random.nextInt(FIRST.length()))) : "")
                    + suffix;
            if (used.add(n)) {
                return n;
            }
        }
        throw new IllegalStateException("ran out of names");
    }
}

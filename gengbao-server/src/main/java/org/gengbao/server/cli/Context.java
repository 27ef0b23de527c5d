package org.gengbao.server.cli;

import java.util.Map;
import org.gengbao.server.GengbaoApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application for a command: with the web server for {@code serve}, without it for the others. */
final class Context {
    private Context() {}

    static ConfigurableApplicationContext start(DatabaseOptions db, boolean web, Map<String, Object> extra) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>(db.springProperties());
        properties.putAll(extra);
        if (!web) {
            properties.put("spring.main.web-application-type", "none");
        }
        // given as command-line arguments, which take precedence over application.properties
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(GengbaoApplication.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args);
    }

    /** The OS user running a command, for the audit log ("cli:name"). */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}

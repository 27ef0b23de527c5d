package org.gengbao.server.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gengbao serve [--data DIR | --db-url …] [--port 8080] [--demo]}: runs the server. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the server.")
public final class ServeCommand implements Callable<Integer> {
    private static volatile boolean serving;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default 8080)")
    int port;

    @Option(
            names = "--demo",
            description = "on an empty database, create a demo county (generated layers, one account per role);"
                    + " always print the demo logins")
    boolean demo;

    /** Whether a server is running (the process must then not exit when the command returns). */
    public static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        ConfigurableApplicationContext context = Context.start(db, true, Map.of("server.port", port));
        serving = true;
        String url = "http://localhost:" + port + "/";
        if (demo) {
            DemoSetup demoSetup = new DemoSetup(context);
            demoSetup.ensure();
            System.out.println();
            System.out.println("Gengbao (耕保) demo is running at " + url);
            System.out.println("  console (browser):   " + url + "  — log in with a demo account below");
            System.out.println("  patrol app (phone):  " + url + "m/");
            System.out.println("  data: " + db.describe());
            System.out.println("  API:  " + url + "api/v1/  (OpenAPI: " + url + "swagger-ui.html)");
            System.out.println("  Demo logins (username / password / role):");
            demoSetup.logins().forEach(line -> System.out.println("    " + line));
        } else {
            System.out.println("Gengbao (耕保) is running at " + url + " on " + db.describe());
        }
        System.out.flush();
        return 0;
    }
}

package org.gengbao.server.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gengbao.server.analysis.Analyses;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.patrol.PatrolPlanner;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gengbao patrol plan --date YYYY-MM-DD}: plans the day's patrol tasks and prints the report as JSON. */
@Command(
        name = "patrol",
        mixinStandardHelpOptions = true,
        description = "Patrol operations.",
        subcommands = {PatrolCommand.Plan.class})
public final class PatrolCommand {

    /** {@code patrol plan}. */
    @Command(
            name = "plan",
            mixinStandardHelpOptions = true,
            description = "Plan the patrol tasks of a day (at most one per village cell; running it again adds none).")
    public static final class Plan implements Callable<Integer> {
        @Mixin
        DatabaseOptions db = new DatabaseOptions();

        @Option(names = "--date", description = "the day to plan (YYYY-MM-DD, default today in China)")
        String date;

        @Override
        public Integer call() {
            LocalDate day;
            try {
                day = date == null ? LocalDate.now(Analyses.COUNTY_TIME) : LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                throw Problem.badRequest(
                        "DATE_INVALID",
                        "日期“" + date + "”应写成 YYYY-MM-DD",
                        "The date \"" + date + "\" must be YYYY-MM-DD");
            }
            try (ConfigurableApplicationContext context =
                    Context.start(db, false, Map.of("gengbao.patrol.planning.enabled", "false"))) {
                Object[] out = new Object[1];
                AuditLog.asCommandLine(
                        Context.actor(),
                        () -> out[0] = context.getBean(PatrolPlanner.class)
                                .plan(day, Context.actor())
                                .toMap());
                System.out.println(
                        JsonText.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out[0]));
            }
            return 0;
        }
    }
}

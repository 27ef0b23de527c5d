package org.gengbao.server.patrol;

import java.time.LocalDate;
import org.gengbao.server.analysis.Analyses;
import org.gengbao.server.county.Counties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Plans today's patrol every morning ({@code gengbao.patrol.planning.cron}, county time) unless {@code
 * gengbao.patrol.planning.enabled=false}. Several nodes may run it at once: a cell's planned task of the day is unique.
 */
@Component
class PlanningJob {
    private static final Logger LOG = LoggerFactory.getLogger(PlanningJob.class);

    private final PatrolPlanner planner;
    private final PlanningProperties rules;
    private final Counties counties;

    PlanningJob(PatrolPlanner planner, PlanningProperties rules, Counties counties) {
        this.planner = planner;
        this.rules = rules;
        this.counties = counties;
    }

    @Scheduled(cron = "${gengbao.patrol.planning.cron:0 0 5 * * *}", zone = "Asia/Shanghai")
    void planToday() {
        if (!rules.enabled() || counties.current().isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(Analyses.COUNTY_TIME);
        try {
            PatrolPlanner.PlanReport report = planner.plan(today, "system:planner");
            LOG.info(
                    "patrol planned for {}: {} tasks, {} cells skipped",
                    today,
                    report.tasksCreated(),
                    report.skipped().size());
        } catch (RuntimeException e) {
            LOG.error("patrol planning for {} failed", today, e);
        }
    }
}

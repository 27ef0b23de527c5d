package org.gengbao.server.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.gengbao.server.audit.AuditVerifier;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gengbao audit verify}: checks the hash chain of the audit log; exit 1 when it is broken. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Audit log tools.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Verify the audit log: detects edited, removed or reordered entries (exit 1 if any).")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DatabaseOptions db = new DatabaseOptions();

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Context.start(db, false, Map.of())) {
                AuditVerifier.Verification v =
                        context.getBean(AuditVerifier.class).verify();
                if (v.intact()) {
                    System.out.println("audit log intact: " + v.entries() + " entries, hash chain verified");
                    return 0;
                }
                System.out.println("audit log BROKEN (" + v.entries() + " entries):");
                v.problems().forEach(p -> System.out.println("  " + p));
                return 1;
            }
        }
    }
}

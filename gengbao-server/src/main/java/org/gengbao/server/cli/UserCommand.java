package org.gengbao.server.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.gengbao.server.accounts.Account;
import org.gengbao.server.accounts.AccountAdmin;
import org.gengbao.server.audit.AuditLog;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gengbao user add|passwd|disable|enable|list}: manage accounts. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage accounts.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.Passwd.class,
            UserCommand.Disable.class,
            UserCommand.Enable.class,
            UserCommand.ListAccounts.class
        })
public final class UserCommand {

    abstract static class Base implements Callable<Integer> {
        @Mixin
        DatabaseOptions db = new DatabaseOptions();

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Context.start(db, false, Map.of())) {
                AccountAdmin admin = context.getBean(AccountAdmin.class);
                AuditLog.asCommandLine(Context.actor(), () -> run(admin));
            }
            return 0;
        }

        abstract void run(AccountAdmin admin);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account.")
    static final class Add extends Base {
        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--password", required = true, description = "at least 8 characters")
        String password;

        @Option(
                names = "--role",
                required = true,
                description = "ADMIN OFFICER INSPECTOR TOWN VILLAGE POLICE COURT LEADER")
        String role;

        @Option(names = "--grid", description = "county, town or village code limiting what the account sees")
        String grid;

        @Option(names = "--name", description = "display name")
        String name;

        @Override
        void run(AccountAdmin admin) {
            admin.add(username, password, role, grid, name);
            System.out.println("account " + username + " added");
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set an account's password.")
    static final class Passwd extends Base {
        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--password", required = true)
        String password;

        @Override
        void run(AccountAdmin admin) {
            admin.changePassword(username, password);
            System.out.println("password of " + username + " changed; its sessions ended");
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account.")
    static final class Disable extends Base {
        @Option(names = "--username", required = true)
        String username;

        @Override
        void run(AccountAdmin admin) {
            admin.setDisabled(username, true);
            System.out.println("account " + username + " disabled; its sessions ended");
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable an account again.")
    static final class Enable extends Base {
        @Option(names = "--username", required = true)
        String username;

        @Override
        void run(AccountAdmin admin) {
            admin.setDisabled(username, false);
            System.out.println("account " + username + " enabled");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static final class ListAccounts extends Base {
        @Override
        void run(AccountAdmin admin) {
            for (Account a : admin.list()) {
                System.out.printf(
                        "%-20s %-10s %-19s %s%n",
                        a.username(),
                        a.role(),
                        a.gridCode() == null ? "-" : a.gridCode(),
                        a.disabled() ? "disabled" : "");
            }
        }
    }
}

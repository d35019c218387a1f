package io.kbt.cli;

import io.kbt.db.Database;
import io.kbt.db.DbUrl;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kbt db}: administration of the PostgreSQL store. */
@Command(name = "db", description = "Manage the PostgreSQL store.", mixinStandardHelpOptions = true,
        subcommands = DbCommand.Migrate.class)
public final class DbCommand {
    /** {@code kbt db migrate}: creates the database if needed and applies the Flyway migrations. */
    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Create the database when it does not exist, then apply pending migrations.")
    static final class Migrate implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            DbUrl url = db.resolve();
            boolean created = Database.createIfMissing(url);
            int applied = Database.migrate(url);
            spec.commandLine().getOut().printf("%s: %s%s%n", url.describe(),
                    created ? "database created, " : "",
                    applied == 0 ? "schema up to date" : applied + " migration" + (applied == 1 ? "" : "s") + " applied");
            return ExitCode.OK;
        }
    }
}

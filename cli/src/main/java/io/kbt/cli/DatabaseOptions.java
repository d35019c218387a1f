package io.kbt.cli;

import io.kbt.db.Database;
import io.kbt.db.DbUrl;
import picocli.CommandLine.Option;

/** The {@code --db URL} option every database command takes; credentials never appear in output. */
public final class DatabaseOptions {
    @Option(names = "--db", paramLabel = "URL",
            description = "PostgreSQL JDBC URL (default: env KBT_DB_URL, else ${DEFAULT-VALUE}); user and password "
                    + "from the URL, PGUSER/PGPASSWORD or ~/.pgpass",
            defaultValue = DbUrl.DEFAULT_URL, showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    String url;

    /**
     * The resolved URL: {@code --db} if given, else {@code KBT_DB_URL}, else the default; a malformed one is a usage
     * error (exit 2), checked before any work.
     */
    public DbUrl resolve() {
        try {
            return DbUrl.resolve(given(), System.getenv());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The {@code --db} URL when the user gave one, else {@code null}. */
    public String given() {
        return url != null && !url.equals(DbUrl.DEFAULT_URL) ? url : null;
    }

    /** Opens the store; exit 4 with one line when it cannot be reached. */
    public Database open() {
        return Database.open(resolve());
    }
}

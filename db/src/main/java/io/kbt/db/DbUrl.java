package io.kbt.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the store lives: host, port, database and the credentials to use, taken apart from a JDBC URL
 * ({@code jdbc:postgresql://host:port/db?user=u&password=p}) or a libpq URI ({@code postgresql://u:p@host/db})
 * so that the password travels as a connection property and never inside a URL that might be printed.
 */
public record DbUrl(String host, int port, String database, String user, String password, Map<String, String> options) {
    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/kbt";
    /** The sslmode values PgJDBC knows. */
    private static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");

    public DbUrl {
        options = Map.copyOf(options);
    }

    /** The URL to use: {@code --db}, else {@code KBT_DB_URL}, else the local {@code kbt} database. */
    public static DbUrl resolve(String option, Map<String, String> env) {
        String url = option != null && !option.isBlank() ? option
                : env.getOrDefault("KBT_DB_URL", "").isBlank() ? DEFAULT_URL : env.get("KBT_DB_URL");
        return parse(url, env);
    }

    /**
     * Parses {@code url}; the user comes from the URL, else {@code PGUSER}, else {@code postgres}; the password
     * from the URL, else {@code PGPASSWORD}, else none here: PgJDBC then reads it from {@code PGPASSFILE} or
     * {@code ~/.pgpass} itself when it connects.
     */
    public static DbUrl parse(String url, Map<String, String> env) {
        String rest;
        String userInfo = null;
        if (url.startsWith("jdbc:postgresql:")) {
            rest = url.substring("jdbc:postgresql:".length());
        } else if (url.startsWith("postgresql:") || url.startsWith("postgres:")) {
            rest = url.substring(url.indexOf(':') + 1);
        } else {
            throw new IllegalArgumentException("--db must be a jdbc:postgresql:// URL or a postgresql:// URI, got "
                    + redacted(url));
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String host = "localhost";
        int port = 5432;
        String database;
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
            int slash = rest.indexOf('/');
            String authority = slash >= 0 ? rest.substring(0, slash) : rest;
            database = slash >= 0 ? rest.substring(slash + 1) : "";
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                userInfo = authority.substring(0, at);
                authority = authority.substring(at + 1);
            }
            if (authority.contains(",")) {
                throw new IllegalArgumentException("--db with several hosts is not supported: " + redacted(url));
            }
            int colon = authority.lastIndexOf(':');
            if (colon >= 0 && !authority.endsWith("]")) {
                try {
                    port = Integer.parseInt(authority.substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 1 || port > 65_535) {
                    throw new IllegalArgumentException("--db has a bad port (1..65535): " + redacted(url));
                }
                authority = authority.substring(0, colon);
            }
            if (!authority.isEmpty()) {
                host = authority;
            }
        } else {
            database = rest;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            options.put(key, eq >= 0 ? decode(pair.substring(eq + 1)) : "");
        }
        String sslmode = options.get("sslmode");
        if (sslmode != null && !SSL_MODES.contains(sslmode)) {
            throw new IllegalArgumentException("--db has an unknown sslmode \"" + sslmode + "\" (one of "
                    + String.join(", ", SSL_MODES) + ")");
        }
        String user = options.remove("user");
        String password = options.remove("password");
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = user != null ? user : decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = password != null ? password : colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        if (user == null || user.isEmpty()) {
            user = env.getOrDefault("PGUSER", "").isEmpty() ? "postgres" : env.get("PGUSER");
        }
        if (database.isEmpty()) {
            database = user;
        }
        if (password == null && !env.getOrDefault("PGPASSWORD", "").isEmpty()) {
            password = env.get("PGPASSWORD");
        }
        return new DbUrl(host, port, decode(database), user, password, options);
    }

    /** {@code host:port/database}, what error messages name. */
    public String describe() {
        return host + ":" + port + "/" + database;
    }

    /** The JDBC URL without credentials. */
    public String jdbcUrl() {
        String query = options.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    /** The same server, another database (e.g. {@code postgres} to create ours). */
    public DbUrl withDatabase(String other) {
        return new DbUrl(host, port, other, user, password, options);
    }

    /** The same server and database as another role. */
    public DbUrl withCredentials(String otherUser, String otherPassword) {
        return new DbUrl(host, port, database, otherUser, otherPassword, options);
    }

    @Override
    public String toString() {
        return "DbUrl[" + user + "@" + describe() + "]";
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** A URL fit for an error message: any password replaced. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("(//[^/:@]*:)[^@/]*@", "$1***@");
    }
}

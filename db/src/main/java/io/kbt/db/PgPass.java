package io.kbt.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A libpq password file ({@code ~/.pgpass} or {@code PGPASSFILE}): lines of
 * {@code host:port:database:user:password}, {@code *} matching anything, {@code \} escaping {@code :}.
 */
public final class PgPass {
    private final Path file;

    public PgPass(Path file) {
        this.file = file;
    }

    /** {@code PGPASSFILE}, else {@code ~/.pgpass}. */
    public static PgPass defaultFile(Map<String, String> env) {
        String named = env.get("PGPASSFILE");
        return new PgPass(named != null && !named.isEmpty() ? Path.of(named)
                : Path.of(System.getProperty("user.home"), ".pgpass"));
    }

    /** The password of the first line that matches, if any; an unreadable file counts as none. */
    public Optional<String> password(String host, int port, String database, String user) {
        List<String> lines;
        try {
            lines = Files.isReadable(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return Optional.empty();
        }
        String[] wanted = {host, Integer.toString(port), database, user};
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = split(line);
            if (fields.size() < 5) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < 4 && match; i++) {
                String field = fields.get(i);
                match = field.equals("*") || field.equals(wanted[i])
                        || i == 0 && field.equals("localhost") && (host.equals("127.0.0.1") || host.equals("::1"));
            }
            if (match) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}

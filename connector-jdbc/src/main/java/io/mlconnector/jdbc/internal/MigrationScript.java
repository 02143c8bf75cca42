package io.mlconnector.jdbc.internal;

import io.mlconnector.jdbc.JdbcDialect;
import io.mlconnector.jdbc.SchemaMigration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned SQL migration shipped in the jar under {@code io/mlconnector/jdbc/migration/<dialect>/}, listed in
 * {@code io/mlconnector/jdbc/migration/migrations.txt}. Scripts hold plain statements, each ending with {@code ;} at
 * the end of a line, and {@code ${prefix}} wherever the table prefix goes.
 */
public record MigrationScript(SchemaMigration migration, String text) {
    /** Where the scripts live on the class path. */
    public static final String ROOT = "io/mlconnector/jdbc/migration/";
    private static final String PLACEHOLDER = "${prefix}";
    private static final Pattern FILE_NAME = Pattern.compile("V([1-9][0-9]*)__([A-Za-z0-9_]+)\\.sql");

    /**
     * Checks the components.
     *
     * @param migration the schema migration
     * @param text the text
     */
    public MigrationScript {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Every migration for {@code dialect}, in version order.
     *
     * @param dialect the dialect, or null to detect it on first use
     * @return every migration for {@code dialect}, in version order
     */
    public static List<MigrationScript> load(JdbcDialect dialect) {
        ClassLoader loader = MigrationScript.class.getClassLoader();
        List<MigrationScript> out = new ArrayList<>();
        for (String line : read(loader, ROOT + "migrations.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = FILE_NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("bad migration file name '" + name + "' (expected V<n>__<words>.sql)");
            }
            int version = Integer.parseInt(m.group(1));
            if (!out.isEmpty() && out.get(out.size() - 1).migration().version() >= version) {
                throw new IllegalStateException("migrations.txt must list versions in increasing order: " + name);
            }
            String text = read(loader, ROOT + dialect.migrationDirectory() + "/" + name);
            out.add(new MigrationScript(new SchemaMigration(version, m.group(2), sha256(text)), text));
        }
        return List.copyOf(out);
    }

    /**
     * The statements of this script with the table prefix substituted, comments and blank lines removed.
     *
     * @param prefix validated table prefix
     * @return the statements of this script with the table prefix substituted, comments and blank lines removed
     */
    public List<String> statements(TablePrefix prefix) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("--")) {
                continue;
            }
            current.append(raw.stripTrailing()).append('\n');
            if (line.endsWith(";")) {
                out.add(substitute(current.toString().strip(), prefix));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("migration " + migration.version() + " ends without ';'");
        }
        return out;
    }

    private static String substitute(String statement, TablePrefix prefix) {
        String sql = statement.substring(0, statement.length() - 1).strip().replace(PLACEHOLDER, prefix.value());
        if (sql.contains("${")) {
            throw new IllegalStateException("unknown placeholder in migration statement: " + sql);
        }
        return sql;
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration resource missing from the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }
}

package io.mlconnector.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's page, style sheet and script, read from this jar ({@code io/mlconnector/console/static/}). Only
 * plain file names are served (no directories, so nothing outside the folder can be named).
 */
final class StaticAssets {
    private static final String ROOT = "/io/mlconnector/console/static/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** The asset at {@code path} ({@code /} is the page), or empty when there is none. */
    Optional<Asset> find(String path) {
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        byte[] bytes = cache.computeIfAbsent(name, StaticAssets::read);
        if (bytes.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new Asset(TYPES.get(name.substring(name.lastIndexOf('.') + 1)), bytes));
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(ROOT + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("console asset " + name + " unreadable", e);
        }
    }

    /** One asset: its content type and bytes. */
    record Asset(String contentType, byte[] bytes) {
    }
}

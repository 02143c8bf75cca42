package io.mlconnector.testkit.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Minimal {@code multipart/form-data} reader for simple text fields (what {@code curl -F} sends to OAuth endpoints). */
final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");

    private Multipart() {
    }

    static Params parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            return Params.empty();
        }
        String delimiter = "--" + m.group(1);
        String text = new String(body, StandardCharsets.UTF_8);
        List<Params.Entry> entries = new ArrayList<>();
        for (String part : text.split(Pattern.quote(delimiter))) {
            int split = part.indexOf("\r\n\r\n");
            int sepLen = 4;
            if (split < 0) {
                split = part.indexOf("\n\n");
                sepLen = 2;
            }
            if (split < 0) {
                continue;
            }
            Matcher name = NAME.matcher(part.substring(0, split));
            if (!name.find()) {
                continue;
            }
            String value = part.substring(split + sepLen);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            } else if (value.endsWith("\n")) {
                value = value.substring(0, value.length() - 1);
            }
            entries.add(new Params.Entry(name.group(1), value));
        }
        return Params.of(entries);
    }
}

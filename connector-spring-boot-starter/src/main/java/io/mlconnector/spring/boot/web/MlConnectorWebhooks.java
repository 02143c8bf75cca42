package io.mlconnector.spring.boot.web;

import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.webhook.WebhookRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * One webhook endpoint: reads the raw body bytes from the servlet request (never through a message converter or the
 * request parameters, so the signed bytes stay as sent), passes them with every header to the engine's intake and
 * answers with the engine's {@link WebhookResponse} as it is ({@code application/json}). A body over the limit is
 * answered 413 without reaching the engine; an intake that throws is answered 500 (logged without the body).
 */
public final class MlConnectorWebhooks implements HandlerFunction<ServerResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(MlConnectorWebhooks.class);

    private final String vendor;
    private final Function<WebhookRequest, WebhookResponse> intake;
    private final long maxBodyBytes;

    /**
     * An endpoint passing requests to {@code intake}.
     *
     * @param vendor       the vendor's name, for the log
     * @param intake       the engine's intake, e.g. {@code connector::onFreshBooksWebhook}
     * @param maxBodyBytes the largest body passed on
     */
    public MlConnectorWebhooks(String vendor, Function<WebhookRequest, WebhookResponse> intake, long maxBodyBytes) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public ServerResponse handle(ServerRequest request) throws IOException {
        HttpServletRequest servlet = request.servletRequest();
        WebhookResponse answer;
        byte[] body = read(servlet);
        if (body == null) {
            answer = new WebhookResponse(413, "{\"error\":\"body_too_large\"}");
        } else {
            try {
                answer = intake.apply(new WebhookRequest(headers(servlet), body));
            } catch (RuntimeException e) {
                LOG.warn("{} webhook intake failed: {}", vendor, e.getClass().getName());
                answer = new WebhookResponse(500, "{\"error\":\"intake_failed\"}");
            }
        }
        return ServerResponse.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
    }

    /** The body, or null when it is larger than the limit. */
    private byte[] read(HttpServletRequest servlet) throws IOException {
        if (servlet.getContentLengthLong() > maxBodyBytes) {
            return null;
        }
        try (InputStream in = servlet.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            return body.length > maxBodyBytes ? null : body;
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest servlet) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : Collections.list(servlet.getHeaderNames())) {
            out.computeIfAbsent(name, n -> new ArrayList<>()).addAll(Collections.list(servlet.getHeaders(name)));
        }
        return out;
    }
}

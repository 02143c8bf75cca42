package io.mlconnector.examples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlconnector.core.audit.SafeText;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.webhook.WebhookRequest;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/<vendor>}: hands the headers and the raw body bytes, unchanged, to the engine's intake
 * (which verifies, parses and enqueues without calling any remote API) and writes its answer back.
 */
final class WebhookRoute implements HttpHandler {
    /** Largest body read; FreshBooks and Procore webhooks carry ids only. */
    static final int MAX_BODY = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoute.class);

    private final String vendor;
    private final Function<WebhookRequest, WebhookResponse> intake;
    private final WebhookObserver observer;

    WebhookRoute(String vendor, Function<WebhookRequest, WebhookResponse> intake, WebhookObserver observer) {
        this.vendor = vendor;
        this.intake = Objects.requireNonNull(intake);
        this.observer = observer;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            HttpExchanges.methodNotAllowed(ex, "POST");
            return;
        }
        WebhookResponse answer;
        try {
            byte[] body = HttpExchanges.readBody(ex, MAX_BODY);
            answer = intake.apply(new WebhookRequest(ex.getRequestHeaders(), body));
        } catch (HttpExchanges.BodyTooLargeException e) {
            answer = new WebhookResponse(413, "{\"error\":\"body_too_large\"}");
        } catch (RuntimeException e) {
            LOG.warn("{} webhook intake failed: {}", vendor, SafeText.of(e.toString()));
            answer = new WebhookResponse(500, "{\"error\":\"intake_failed\"}");
        }
        HttpExchanges.json(ex, answer.status(), answer.body());
        try {
            observer.answered(vendor, answer.status(), answer.body());
        } catch (RuntimeException e) {
            LOG.debug("webhook observer failed: {}", e.toString());
        }
    }
}

package io.mlconnector.examples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the operator routes ({@code /health} excepted): checks the method and turns failures into JSON errors.
 * Who may call them is decided before, by {@link OperatorGuard}. Expose only {@code /webhooks/*} to the internet
 * (through your reverse proxy).
 */
abstract class AdminRoute implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AdminRoute.class);

    private final String method;

    AdminRoute(String method) {
        this.method = method;
    }

    @Override
    public final void handle(HttpExchange ex) throws IOException {
        if (!method.equals(ex.getRequestMethod())) {
            HttpExchanges.methodNotAllowed(ex, method);
            return;
        }
        try {
            serve(ex);
        } catch (BadRequestException e) {
            HttpExchanges.error(ex, 400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
            HttpExchanges.error(ex, 500, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    abstract void serve(HttpExchange ex) throws IOException;

    /** A request the route cannot serve as asked; answered 400 with the message. */
    static final class BadRequestException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequestException(String message) {
            super(message);
        }
    }
}

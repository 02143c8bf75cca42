package io.mlconnector.spring.boot.web;

import io.mlconnector.runtime.MlConnector;
import io.mlconnector.spring.boot.MlConnectorAutoConfiguration;
import io.mlconnector.spring.boot.MlConnectorProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoints in a servlet web application (Spring MVC): {@code POST mlconnector.webhooks.freshbooks-path}
 * (default {@code /webhooks/freshbooks}) and {@code POST mlconnector.webhooks.procore-path} (default
 * {@code /webhooks/procore}), each a {@link MlConnectorWebhooks}. Off with {@code mlconnector.webhooks.enabled=false};
 * backs off when the app defines a bean named {@code mlConnectorWebhookRoutes}. The endpoints must be reachable
 * without the app's login (FreshBooks and Procore authenticate by signature and secret, which the engine checks).
 */
@AutoConfiguration(after = MlConnectorAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(MlConnector.class)
@ConditionalOnProperty(prefix = "mlconnector.webhooks", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(MlConnectorProperties.class)
public class MlConnectorWebhookAutoConfiguration {
    /** Creates the auto-configuration (Spring calls it). */
    public MlConnectorWebhookAutoConfiguration() {
    }

    /**
     * The two webhook routes.
     *
     * @param connector  the connector whose engine takes the webhooks
     * @param properties the bound properties (paths and body limit)
     * @return the routes
     */
    @Bean
    @ConditionalOnMissingBean(name = "mlConnectorWebhookRoutes")
    public RouterFunction<ServerResponse> mlConnectorWebhookRoutes(MlConnector connector,
                                                                   MlConnectorProperties properties) {
        MlConnectorProperties.Webhooks w = properties.webhooks();
        long max = w.maxBodySize().toBytes();
        return RouterFunctions.route()
                .POST(w.freshbooksPath(), new MlConnectorWebhooks("freshbooks", connector::onFreshBooksWebhook, max))
                .POST(w.procorePath(), new MlConnectorWebhooks("procore", connector::onProcoreWebhook, max))
                .build();
    }
}

package io.mlconnector.spring.boot.console;

import io.mlconnector.console.OperatorConsole;
import io.mlconnector.console.OperatorGuard;
import io.mlconnector.core.operator.OperatorService;
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
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The operator console (connector-console) under {@code mlconnector.console.path} (default {@code /console}) in a
 * servlet web application, when {@code mlconnector.console.token} is set:
 * its page at {@code /console/}, its JSON API at {@code /console/api/...} behind
 * {@code Authorization: Bearer <token>}. Only loopback clients addressing {@code localhost} pass, unless
 * {@code mlconnector.console.loopback-only=false} (when the app authenticates operators itself, e.g. with Spring
 * Security in front). Off with {@code mlconnector.console.enabled=false}; the app's own {@link OperatorService},
 * {@link OperatorConsole} or bean named {@code mlConnectorConsoleRoutes} wins.
 */
@AutoConfiguration(after = MlConnectorAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({OperatorConsole.class, RouterFunction.class})
@ConditionalOnBean(MlConnector.class)
@ConditionalOnProperty(prefix = "mlconnector.console", name = "enabled", havingValue = "true", matchIfMissing = true)
@Conditional(MlConnectorConsoleAutoConfiguration.TokenSet.class)
@EnableConfigurationProperties(MlConnectorProperties.class)
public class MlConnectorConsoleAutoConfiguration {
    /** Creates the auto-configuration (Spring calls it). */
    public MlConnectorConsoleAutoConfiguration() {
    }

    /**
     * The operator service over the connector's engine, mapping store and audit sink.
     *
     * @param connector the connector
     * @return the operator service
     */
    @Bean
    @ConditionalOnMissingBean
    public OperatorService mlConnectorOperatorService(MlConnector connector) {
        return OperatorService.builder().engine(connector.engine()).mappingStore(connector.mappings())
                .auditSink(connector.audit()).build();
    }

    /**
     * The console, guarded by the operator token.
     *
     * @param service    the operator service
     * @param properties the bound properties (token, loopback)
     * @return the console
     * @throws IllegalArgumentException when the token is shorter than {@link OperatorGuard#MIN_TOKEN_LENGTH}
     */
    @Bean
    @ConditionalOnMissingBean
    public OperatorConsole mlConnectorOperatorConsole(OperatorService service, MlConnectorProperties properties) {
        MlConnectorProperties.Console c = properties.console();
        return OperatorConsole.builder().service(service).guard(OperatorGuard.builder().token(c.token())
                .loopbackOnly(c.loopbackOnly()).build()).build();
    }

    /**
     * The route forwarding every request under the mount point to the console.
     *
     * @param console    the console
     * @param properties the bound properties (mount point)
     * @return the route
     */
    @Bean
    @ConditionalOnMissingBean(name = "mlConnectorConsoleRoutes")
    public RouterFunction<ServerResponse> mlConnectorConsoleRoutes(OperatorConsole console,
                                                                   MlConnectorProperties properties) {
        String prefix = properties.console().path();
        return RouterFunctions.route(RequestPredicates.path(prefix).or(RequestPredicates.path(prefix + "/**")),
                new MlConnectorConsoleRoute(console, prefix));
    }

    /** Matches when {@code mlconnector.console.token} is set and not blank. */
    static final class TokenSet extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String token = context.getEnvironment().getProperty("mlconnector.console.token");
            return token == null || token.isBlank()
                    ? ConditionOutcome.noMatch("mlconnector.console.token is not set")
                    : ConditionOutcome.match("mlconnector.console.token is set");
        }
    }
}

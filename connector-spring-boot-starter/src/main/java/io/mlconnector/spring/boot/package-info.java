/**
 * Spring Boot auto-configuration of the connector: {@link io.mlconnector.spring.boot.MlConnectorAutoConfiguration}
 * builds an {@link io.mlconnector.runtime.MlConnector} from the {@code mlconnector.*} properties
 * ({@link io.mlconnector.spring.boot.MlConnectorProperties}) on the app's {@code DataSource}, and
 * {@link io.mlconnector.spring.boot.MlConnectorLifecycle} runs it with the application context. The webhook
 * endpoints are in {@link io.mlconnector.spring.boot.web}, health and metrics in
 * {@link io.mlconnector.spring.boot.actuate}.
 */
package io.mlconnector.spring.boot;

/**
 * The operator console: plain HTML, CSS and a little JavaScript served from this jar, and a JSON API over the core
 * operator service ({@link io.mlconnector.core.operator.OperatorService}), answered by {@link
 * io.mlconnector.console.OperatorConsole#handle(ConsoleRequest)} without any web framework, so the example host (JDK
 * HttpServer) and the Spring Boot starter (a controller) mount the same console under the same
 * {@link io.mlconnector.console.OperatorGuard}.
 */
package io.mlconnector.console;

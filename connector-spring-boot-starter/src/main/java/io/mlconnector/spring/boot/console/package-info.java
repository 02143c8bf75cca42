/**
 * The operator console (connector-console) mounted in a servlet web application: every request under
 * {@code mlconnector.console.path} goes to {@code OperatorConsole.handle}, guarded by the operator token
 * ({@code mlconnector.console.token}).
 */
package io.mlconnector.spring.boot.console;

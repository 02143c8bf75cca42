/**
 * HTTP plumbing shared by the FreshBooks and Procore sandboxes: a loopback {@link
 * io.mlconnector.testkit.server.SandboxHttpServer} on the JDK HTTP server, a path-template {@link
 * io.mlconnector.testkit.server.Router}, request filters, fault injection, the request log and the outgoing
 * webhook sender. Nothing in here knows a vendor.
 */
package io.mlconnector.testkit.server;

/**
 * A stateful in-process Procore sandbox ({@link io.mlconnector.testkit.procore.ProcoreSandbox}): client-credentials
 * OAuth, {@code Procore-Company-Id} enforcement, hourly/spike rate limits, v1 pagination headers and filters,
 * companies, projects, vendors, cost codes, cost types, commitments with SOV lines, billing periods, requisitions,
 * contract payments, prime contracts, payment applications, change orders, direct costs, and the v1.0 webhooks API
 * with retried JSON deliveries, budget changes, prime change orders and the company WBS pattern. Every request is first
 * checked against Procore's published operations ({@link io.mlconnector.testkit.procore.spec.ProcoreOperations}):
 * an operation Procore does not publish answers 404, a missing required query parameter 400, a missing required body
 * field 422; answers follow the published response shapes (list and show alike).
 */
package io.mlconnector.testkit.procore;

/**
 * A stateful in-process Procore sandbox ({@link io.mlconnector.testkit.procore.ProcoreSandbox}): client-credentials
 * OAuth, {@code Procore-Company-Id} enforcement, hourly/spike rate limits, v1 pagination headers and filters,
 * companies, projects, vendors, cost codes, cost types, commitments with SOV lines, billing periods, requisitions,
 * contract payments, prime contracts, payment applications, change orders, direct costs, and the v1.0 webhooks API
 * with retried JSON deliveries. Shapes follow {@code api/procore.md}.
 */
package io.mlconnector.testkit.procore;

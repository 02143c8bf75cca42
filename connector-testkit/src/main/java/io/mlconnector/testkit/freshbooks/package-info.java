/**
 * A stateful in-process FreshBooks sandbox ({@link io.mlconnector.testkit.freshbooks.FreshBooksSandbox}): OAuth with
 * rotating single-use refresh tokens, identity, accounting resources (bills, bill vendors, bill payments, invoices,
 * payments, expenses, expense categories, clients, items, taxes), projects, webhook callbacks with the verification
 * handshake and signed deliveries, plus a JUnit 5 extension. Shapes follow {@code api/freshbooks.md}.
 */
package io.mlconnector.testkit.freshbooks;

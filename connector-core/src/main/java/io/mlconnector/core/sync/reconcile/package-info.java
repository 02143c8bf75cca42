/**
 * Month-end reconciliation: a read-only comparison, per project and cost code, of what the accounting system and the
 * project system hold for a month, with every record's status and the records still waiting, rendered as a typed
 * report, CSV and JSON. It also shows what the connector writes nowhere else: prime contract change orders on projects
 * not billed at a fixed price, and each cost code's revised budget next to the month's accounting amounts.
 */
package io.mlconnector.core.sync.reconcile;

/**
 * Month-end reconciliation: a read-only comparison, per project and cost code, of what the accounting system and the
 * project system hold for a month, with every record's status and the records still waiting, rendered as a typed
 * report, CSV and JSON.
 */
package io.mlconnector.core.sync.reconcile;

/**
 * Flows from the accounting side to the project side, one file per record: bill, invoice, payment, and the
 * payments a bill update brings. Not API: may change in any release.
 */
package io.mlconnector.core.sync.internal.flow.forward;

/**
 * Flows from the project side to the accounting side, one file per record: commitment change order, prime contract
 * change order, direct cost and budget change, and the expense posting they share. Not API: may change in any
 * release.
 */
package io.mlconnector.core.sync.internal.flow.reverse;

/** Procore sync (batch upsert) calls: batches of at most 1000 and per-item failures. */
package io.mlconnector.procore.sync;

/**
 * Plumbing shared by the JDBC stores: connection and transaction handling, typed parameter binding, value
 * codecs, table-prefix validation and migration-script loading. Not API: may change in any release.
 */
package io.mlconnector.jdbc.internal;

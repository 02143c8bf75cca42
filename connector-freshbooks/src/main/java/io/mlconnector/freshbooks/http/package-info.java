/**
 * FreshBooks transport glue: envelopes of each namespace, query parameters and error decoding.
 */
package io.mlconnector.freshbooks.http;

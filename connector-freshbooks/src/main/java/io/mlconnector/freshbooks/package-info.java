/**
 * The FreshBooks client ({@link io.mlconnector.freshbooks.FreshBooksClient}) and the refs it hands to the sync engine.
 */
package io.mlconnector.freshbooks;

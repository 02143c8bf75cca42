/**
 * The core AccountingSystem port over FreshBooks, with the polling strategies that check undocumented list parameters.
 */
package io.mlconnector.freshbooks.adapter;

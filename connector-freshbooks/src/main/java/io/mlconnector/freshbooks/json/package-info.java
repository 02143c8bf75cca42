/**
 * FreshBooks JSON reading and writing: string money, US/Eastern and UTC timestamps, lenient dates.
 */
package io.mlconnector.freshbooks.json;

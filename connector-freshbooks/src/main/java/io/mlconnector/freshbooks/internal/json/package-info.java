/**
 * FreshBooks JSON reading and writing: string money, US/Eastern and UTC timestamps, lenient dates. Not API: may
 * change in any release.
 */
package io.mlconnector.freshbooks.internal.json;

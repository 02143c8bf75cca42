/**
 * FreshBooks webhook deliveries: form parsing and HMAC-SHA256 signature verification.
 */
package io.mlconnector.freshbooks.webhook;

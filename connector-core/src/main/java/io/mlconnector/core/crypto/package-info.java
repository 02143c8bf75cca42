/**
 * Small cryptographic helpers shared by webhook verification and credential storage: HMAC-SHA256 and constant-time
 * comparison.
 */
package io.mlconnector.core.crypto;

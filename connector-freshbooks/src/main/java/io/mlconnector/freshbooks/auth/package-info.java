/**
 * FreshBooks OAuth 2.0: authorization URLs, code exchange and rotating single-use refresh tokens.
 */
package io.mlconnector.freshbooks.auth;

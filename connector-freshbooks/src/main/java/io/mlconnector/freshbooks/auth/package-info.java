/**
 * FreshBooks OAuth 2.0: authorization URLs, code exchange and rotating single-use refresh tokens;
 * {@link io.mlconnector.freshbooks.auth.FreshBooksGrantSeed} puts a grant into the credential store from an
 * authorization code or a configured refresh token.
 */
package io.mlconnector.freshbooks.auth;

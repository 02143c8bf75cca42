/**
 * Jackson setup for Procore bodies: snake_case names, money as plain decimal strings, lenient dates and text. Not
 * API: may change in any release.
 */
package io.mlconnector.procore.internal.json;

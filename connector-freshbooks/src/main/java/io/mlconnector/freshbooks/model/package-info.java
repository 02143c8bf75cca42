/**
 * Records of FreshBooks objects as the API returns them, and drafts of what the client writes.
 */
package io.mlconnector.freshbooks.model;

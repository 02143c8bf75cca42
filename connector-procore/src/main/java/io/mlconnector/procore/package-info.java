/**
 * Typed Procore REST client ({@link io.mlconnector.procore.ProcoreClient}) bound to one company and one Developer
 * Managed Service Account: client-credentials tokens through core's TokenManager, {@code Procore-Company-Id} on every
 * call, project validation before any request, shared rate-limit pacing, and one API object per resource family.
 */
package io.mlconnector.procore;

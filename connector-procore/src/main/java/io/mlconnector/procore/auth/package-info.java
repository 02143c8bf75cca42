/** Client-credentials tokens from Procore's login host and their storage in an (encrypted) credential store. */
package io.mlconnector.procore.auth;

/** Company/project validation with a cached list of the company's projects. */
package io.mlconnector.procore.scope;

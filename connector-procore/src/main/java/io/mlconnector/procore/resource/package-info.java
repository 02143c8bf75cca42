/** One API object per Procore resource family, with the documented routes, wrappers and filters. */
package io.mlconnector.procore.resource;

/**
 * The mapping table: which FreshBooks vendor, client, expense category or item is which Procore vendor, project or
 * cost code, per connection ({@link io.mlconnector.core.mapping.Mapping}, confirmed or suggested), and the references
 * still waiting for one ({@link io.mlconnector.core.mapping.UnmappedReference}). The
 * {@link io.mlconnector.core.mapping.MappingStore} SPI has an in-memory and a caching implementation here (JDBC ones
 * in connector-jdbc); mappings can be exported and imported as CSV or JSON.
 */
package io.mlconnector.core.mapping;

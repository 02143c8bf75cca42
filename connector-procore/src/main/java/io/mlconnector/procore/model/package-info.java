/** Records read from Procore responses; ids are {@code long}, money {@code BigDecimal}, unknown fields ignored. */
package io.mlconnector.procore.model;

/**
 * The two ports the engine talks to: {@link io.mlconnector.core.port.AccountingSystem} (FreshBooks) and
 * {@link io.mlconnector.core.port.ProjectSystem} (Procore), the webhook parser SPI and
 * {@link io.mlconnector.core.port.InboundEvent}, and the exceptions a port throws when a posting cannot be made
 * (locked object, project of another company, missing setup).
 */
package io.mlconnector.core.port;

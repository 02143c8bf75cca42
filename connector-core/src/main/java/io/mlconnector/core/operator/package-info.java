/**
 * What an operator (an accountant, not a developer) needs to fix records the connector could not post: the records
 * waiting for a person with their reasons in plain words, the unmapped vendors, projects and GL accounts with
 * suggested matches and the other system's full list, audited mapping changes that take effect at once, replay of
 * one record or of every record waiting for a mapping, and stream health. {@link
 * io.mlconnector.core.operator.OperatorService} is the one facade; the operator console (connector-console) is a
 * thin page over it.
 */
package io.mlconnector.core.operator;

/**
 * Reference-data alignment: pairs vendors, projects and GL accounts (expense categories) with cost codes across the
 * two systems, by mapping table and origin id first, then by normalised name as suggestions, creates missing vendors
 * where the policy allows, and keeps mappings current as reference data changes.
 */
package io.mlconnector.core.sync.alignment;

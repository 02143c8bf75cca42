/** {@link io.mlconnector.procore.adapter.ProcoreProjectSystem}: core's ProjectSystem port over the Procore client. */
package io.mlconnector.procore.adapter;

/** Procore webhooks: hook/trigger/delivery models, the shared-secret verifier and the payload parser (v2, v3, v4). */
package io.mlconnector.procore.webhook;

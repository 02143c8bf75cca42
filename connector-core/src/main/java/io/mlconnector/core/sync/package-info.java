/**
 * The sync engine: {@link io.mlconnector.core.sync.SyncEngine} and the flows that keep FreshBooks and Procore in step.
 * The engine finds its connections through a {@link io.mlconnector.core.sync.ConnectionProvider} (by connection id,
 * FreshBooks account id or Procore company id) on every use, so connections added to an
 * {@link io.mlconnector.core.sync.InMemoryConnectionProvider} while it runs are polled and routed at once. The machinery
 * behind the facade (intake, queue worker, poller, the flows and the values they compute) lives in
 * {@code io.mlconnector.core.sync.internal}: not API.
 *
 * <h2>What each record becomes</h2>
 * <ul>
 *   <li>Bill → requisition on the vendor's commitment on the mapped project (items on the SOV lines of the cost codes
 *       the lines' expense categories map to), or a direct cost (lines by cost code and cost type) when the vendor has
 *       no commitment there.</li>
 *   <li>Invoice → payment application (owner invoice) on the project's prime contract, lines by item mapping, else
 *       the project's default cost code.</li>
 *   <li>Bill payment / invoice payment → contract payment against the requisition / payment application the ledger
 *       recorded for the paid document (none for a bill posted as a direct cost). For an invoice payment the draft's
 *       {@code contractId} is null: the project-system port resolves the prime contract from the payment
 *       application ({@code invoiceId}).</li>
 *   <li>Approved commitment change order (or change order package on a commitment) → one FreshBooks expense per
 *       expense category (mapped from the cost code) on the FreshBooks project; revision → same expenses set to the
 *       new amounts; void / deletion / approval withdrawn → expenses set to zero. Direct cost entered in Procore →
 *       expenses the same way. No budget is ever written: a FreshBooks project budget is hours, never money.</li>
 *   <li>Approved prime contract change order → on a FreshBooks project billed at a fixed price, {@code fixed_price}
 *       moves by its amount (revision: by the difference from what was applied; void: back), once; on any other
 *       project nothing is written (audited as skipped, shown in the reconciliation).</li>
 *   <li>Budget change → nothing written (audited as skipped, not polled); the reconciliation shows the revised budget
 *       per cost code next to the FreshBooks actuals.</li>
 *   <li>Bill update → after the bill is handled, the bill's payments not yet in the ledger are queued at once as bill
 *       payment work (same dedupe key as the bill payment poll), so they post without waiting for the poll.</li>
 *   <li>Vendor, project, expense-category and cost-code changes → mapping table kept current through
 *       {@link io.mlconnector.core.sync.alignment.ReferenceDataAlignment}.</li>
 * </ul>
 *
 * <h2>Keys</h2>
 * <ul>
 *   <li>Ledger: the source record's {@code ExternalRef.key()} ({@code freshbooks:bill:123}); Procore sources use
 *       {@code procore:change_order:<id>}, {@code procore:prime_change_order:<id>}, {@code procore:direct_cost:<id>},
 *       {@code procore:budget_change:<id>} (audit only).
 *       Each Procore object we create also gets an echo-guard entry keyed {@code procore:<kind>:<id>}
 *       (target kind {@code SOURCE}, attribute {@code echoOf}).</li>
 *   <li>Origin id on Procore objects: {@code fb:<accountId>:<type>:<id>}. Expense marker in FreshBooks:
 *       {@code pc:<companyId>:<type>:<id>:<categoryId>}. Procore vendors: the FreshBooks vendor id.</li>
 *   <li>Queue dedupe keys: {@code freshbooks:<resource>:<id>:<action>} for webhooks and polls alike (a poll uses
 *       {@code create} when the ledger has no entry, so it meets a pending webhook item); Procore webhooks
 *       {@code procore:event:<ulid|id>}; Procore polls {@code procore:<resource>:<id>:v<version>}.</li>
 * </ul>
 *
 * <h2>Exactly once</h2>
 * Per record, a named lease in the state store serialises workers across nodes; the ledger entry is inserted
 * {@code PENDING} before a create, and only an entry we did not insert ourselves (a crash, an uncertain outcome, a
 * flag) costs an origin-id lookup before creating — so the steady state is one accounting read, one commitment
 * lookup and one project-system write per new bill. See {@code ProjectPosting} and {@code ExpensePosting}.
 *
 * <h2>Intake</h2>
 * 200 accepted (queued, duplicate, ignored, echo); 400 malformed; 401 bad or missing signature/secret, or a routing
 * key no connection serves (401 rather than 404: the request is unauthenticated and must not learn which accounts
 * exist); 413 too large. A FreshBooks verification handshake is answered 200 without a signature check (it carries
 * the secret being established; FreshBooks accepting the confirmation proves it genuine) unless the policy requires
 * one; the verification code stays in memory, never in the queue, and reaches the host's
 * {@link io.mlconnector.core.sync.WebhookHandshakeListener} after FreshBooks accepted it.
 */
package io.mlconnector.core.sync;

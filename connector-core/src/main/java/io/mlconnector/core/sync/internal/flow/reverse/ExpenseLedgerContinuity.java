package io.mlconnector.core.sync.internal.flow.reverse;

import io.mlconnector.core.state.Cursor;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.sync.internal.flow.FlowContext;
import io.mlconnector.core.sync.internal.flow.OriginIds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this state store's ledger knows every FreshBooks expense the connector ever created for a connection, which
 * is what lets {@link ExpensePosting} create an expense without looking for it first when the ledger shows no earlier
 * attempt. FreshBooks keeps no unique key, so a ledger that lost entries (an in-memory store restarted, a fresh
 * database pointed at books the connector already wrote) would otherwise create the same expenses again.
 *
 * <p>Decided once per state store and connection and kept as the cursor {@value #STREAM}: before the first expense
 * create of a store, the markers of the expenses already in FreshBooks ({@code pc:<company>:…}) are listed once and
 * each one is looked up in the ledger (its entry must name the expense of that category, or the intent to create
 * it). All known (or none there) → the ledger is <b>complete</b> (cursor at
 * the decision time) and fresh creates skip the look; any unknown, or a system that cannot list markers → the history
 * is <b>incomplete</b> (cursor at the epoch) and every create keeps its (narrowed, one-read) look. A store restored
 * from an older backup keeps its earlier decision: set the cursor to the epoch after such a restore.
 */
final class ExpenseLedgerContinuity {
    /** The cursor name holding the decision. */
    static final String STREAM = "ledger.freshbooks-expenses";
    private static final Logger LOG = LoggerFactory.getLogger(ExpenseLedgerContinuity.class);

    private ExpenseLedgerContinuity() {
    }

    /**
     * Whether the ledger of {@code ctx}'s connection is known to hold every expense the connector created.
     *
     * @param ctx the flow context
     * @return true when a fresh ledger entry proves that no expense exists yet
     */
    static boolean complete(FlowContext ctx) {
        SyncStateStore state = ctx.state();
        String conn = ctx.connectionId();
        Optional<Cursor> decided = state.cursor(conn, STREAM);
        if (decided.isPresent()) {
            return decided.get().position().isAfter(Instant.EPOCH);
        }
        boolean complete = decide(ctx);
        state.saveCursor(new Cursor(conn, STREAM, complete ? ctx.now() : Instant.EPOCH, ctx.now()));
        return complete;
    }

    private static boolean decide(FlowContext ctx) {
        String prefix = OriginIds.expenseMarkerPrefix(ctx.projects());
        List<String> markers;
        try {
            markers = ctx.accounting().listExpenseMarkers(prefix);
        } catch (UnsupportedOperationException e) {
            LOG.info("connection {}: {} cannot list expense markers; every expense create is looked for first",
                    ctx.connectionId(), ctx.accounting().system());
            return false;
        }
        for (String marker : markers) {
            String key = sourceKey(marker, prefix, ctx.projects().system());
            String category = marker.substring(marker.lastIndexOf(':') + 1);
            Optional<LedgerEntry> e = key == null ? Optional.empty() : ctx.state().ledger(ctx.connectionId(), key);
            boolean known = e.isPresent() && (e.get().attribute(ExpensePosting.ATTR_EXPENSE + category) != null
                    || e.get().attribute(ExpensePosting.ATTR_CREATING + category) != null);
            if (!known) {
                LOG.warn("connection {}: FreshBooks holds expense {} that this ledger does not know (ledger lost or"
                        + " restored?); every expense create is looked for first", ctx.connectionId(), marker);
                return false;
            }
        }
        return true;
    }

    /** {@code pc:<company>:<type>:<id>:<category>} → {@code procore:<type>:<id>}, or null when malformed. */
    static String sourceKey(String marker, String prefix, String projectSystem) {
        if (!marker.startsWith(prefix)) {
            return null;
        }
        String rest = marker.substring(prefix.length());
        int cut = rest.lastIndexOf(':');
        if (cut <= 0 || rest.indexOf(':') == cut) {
            return null;
        }
        return projectSystem + ":" + rest.substring(0, cut);
    }
}

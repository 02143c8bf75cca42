package io.mlconnector.freshbooks.adapter;

import static io.mlconnector.freshbooks.adapter.UndocumentedParam.BILL_SORT_UPDATED_AT_DESC;

import io.mlconnector.core.error.ApiException;
import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.model.Bill;
import io.mlconnector.freshbooks.query.BillQuery;
import io.mlconnector.freshbooks.resource.BillService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Bills changed at or after a floor. Bills document no updated filter, so the cheap path reads pages sorted
 * {@code updated_at_desc} and stops at the floor; that sort is undocumented for bills, so it is only trusted once a
 * probe proved it (page 1 newest-first and page 1 oldest-first both in order, and different). If the API ignores
 * the sort (an answer out of order) or refuses it (400), every page is read and filtered here, and the connection
 * remembers it.
 */
final class BillChangeScan {
    private final BillService bills;
    private final ParamSupportMemory memory;

    BillChangeScan(BillService bills, ParamSupportMemory memory) {
        this.bills = bills;
        this.memory = memory;
    }

    /** Live and deleted bills whose {@code updated_at} is at or after {@code floor} (or unknown). */
    List<Bill> changedSince(Instant floor, boolean includeDeleted) {
        List<Bill> out = new ArrayList<>(scan(BillQuery::create, floor, true));
        if (includeDeleted) {
            out.addAll(scan(() -> BillQuery.create().deletedOnly(), floor, false));
        }
        return out;
    }

    private List<Bill> scan(Supplier<BillQuery> base, Instant floor, boolean mayProbe) {
        ParamSupport support = memory.get(BILL_SORT_UPDATED_AT_DESC);
        if (support.fallBack()) {
            return fullScan(base.get(), floor, null);
        }
        BillQuery sorted = base.get().newestFirst();
        Page<Bill> first;
        try {
            first = bills.page(sorted, 1);
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            memory.decide(BILL_SORT_UPDATED_AT_DESC, ParamSupport.REFUSED, "the bill list answered 400 to it");
            return fullScan(base.get(), floor, null);
        }
        if (!nonIncreasing(first.items())) {
            memory.decide(BILL_SORT_UPDATED_AT_DESC, ParamSupport.IGNORED,
                    "a page asked for updated_at_desc came back out of order");
            return fullScan(sorted, floor, first);
        }
        if (support == ParamSupport.UNKNOWN) {
            if (!mayProbe) {
                return fullScan(sorted, floor, first);
            }
            support = probeAscending(base.get(), first.items());
            if (support != ParamSupport.HONOURED) {
                return fullScan(sorted, floor, first);
            }
        }
        return newestFirst(sorted, floor, first);
    }

    /**
     * Asks for the opposite order: an API that applies the sort answers with the oldest bill first; one that ignores it
     * answers in the same order as before. Undecided (stays UNKNOWN) when the page holds fewer than two distinct stamps.
     */
    private ParamSupport probeAscending(BillQuery base, List<Bill> descending) {
        List<Bill> ascending;
        try {
            ascending = bills.page(base.sortAscending("updated_at"), 1).items();
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            memory.decide(BILL_SORT_UPDATED_AT_DESC, ParamSupport.REFUSED, "updated_at_asc answered 400");
            return ParamSupport.REFUSED;
        }
        if (!nonDecreasing(ascending)) {
            memory.decide(BILL_SORT_UPDATED_AT_DESC, ParamSupport.IGNORED,
                    "updated_at_asc came back out of order, so the sort parameter is not applied");
            return ParamSupport.IGNORED;
        }
        Instant newest = firstStamp(descending);
        Instant oldest = firstStamp(ascending);
        if (newest == null || oldest == null || !newest.isAfter(oldest)) {
            return ParamSupport.UNKNOWN;
        }
        memory.decide(BILL_SORT_UPDATED_AT_DESC, ParamSupport.HONOURED,
                "updated_at_desc and updated_at_asc both came back in order");
        return ParamSupport.HONOURED;
    }

    private List<Bill> newestFirst(BillQuery sorted, Instant floor, Page<Bill> first) {
        List<Bill> out = new ArrayList<>();
        Page<Bill> page = first;
        Instant previous = null;
        for (int n = 1; ; n++) {
            if (n > 1) {
                page = bills.page(sorted, n);
            }
            boolean reachedFloor = false;
            for (Bill b : page.items()) {
                Instant at = b.updatedAt();
                if (at != null && previous != null && at.isAfter(previous)) {
                    memory.decide(BILL_SORT_UPDATED_AT_DESC, ParamSupport.IGNORED,
                            "page " + n + " of updated_at_desc was out of order");
                    out.addAll(fullScan(sorted, floor, null));
                    return dedupe(out);
                }
                if (at == null || !at.isBefore(floor)) {
                    out.add(b);
                } else {
                    reachedFloor = true;
                }
                if (at != null) {
                    previous = at;
                }
            }
            if (reachedFloor || !page.hasNext() || page.items().isEmpty()) {
                return out;
            }
        }
    }

    /** Every page, filtered here; {@code first} is page 1 when it was already read. */
    private List<Bill> fullScan(BillQuery query, Instant floor, Page<Bill> first) {
        List<Bill> out = new ArrayList<>();
        Page<Bill> page = first;
        for (int n = 1; ; n++) {
            if (page == null || n > 1) {
                page = bills.page(query, n);
            }
            for (Bill b : page.items()) {
                if (b.updatedAt() == null || !b.updatedAt().isBefore(floor)) {
                    out.add(b);
                }
            }
            if (!page.hasNext() || page.items().isEmpty()) {
                return out;
            }
        }
    }

    private static List<Bill> dedupe(List<Bill> bills) {
        java.util.Map<Long, Bill> byId = new java.util.LinkedHashMap<>();
        bills.forEach(b -> byId.putIfAbsent(b.id(), b));
        return new ArrayList<>(byId.values());
    }

    private static Instant firstStamp(List<Bill> page) {
        return page.stream().map(Bill::updatedAt).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static boolean nonIncreasing(List<Bill> page) {
        Instant previous = null;
        for (Bill b : page) {
            if (b.updatedAt() != null) {
                if (previous != null && b.updatedAt().isAfter(previous)) {
                    return false;
                }
                previous = b.updatedAt();
            }
        }
        return true;
    }

    private static boolean nonDecreasing(List<Bill> page) {
        Instant previous = null;
        for (Bill b : page) {
            if (b.updatedAt() != null) {
                if (previous != null && b.updatedAt().isBefore(previous)) {
                    return false;
                }
                previous = b.updatedAt();
            }
        }
        return true;
    }
}

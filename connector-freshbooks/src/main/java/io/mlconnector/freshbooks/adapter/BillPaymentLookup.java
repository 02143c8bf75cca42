package io.mlconnector.freshbooks.adapter;

import static io.mlconnector.freshbooks.adapter.UndocumentedParam.BILL_PAYMENT_BILLID;

import io.mlconnector.core.error.ApiException;
import io.mlconnector.freshbooks.model.BillPayment;
import io.mlconnector.freshbooks.query.SearchQuery;
import io.mlconnector.freshbooks.resource.BillPaymentService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Bill payments of given bills, for bills whose answer carried no {@code bill_payments}. {@code search[billid]} is not
 * documented, so answers are filtered by {@code billid} here too and checked: a payment of another bill shows the
 * filter is ignored, a 400 that it is refused; from then on one listing of all bill payments serves every bill asked
 * about in the same call (cheaper than one listing per bill).
 */
final class BillPaymentLookup {
    private final BillPaymentService payments;
    private final ParamSupportMemory memory;

    BillPaymentLookup(BillPaymentService payments, ParamSupportMemory memory) {
        this.payments = payments;
        this.memory = memory;
    }

    /** The payments of each bill (active and archived, as the default listing shows them). */
    Map<Long, List<BillPayment>> ofBills(Collection<Long> billIds) {
        Map<Long, List<BillPayment>> out = new LinkedHashMap<>();
        billIds.forEach(id -> out.put(id, new ArrayList<>()));
        if (billIds.isEmpty()) {
            return out;
        }
        if (!memory.get(BILL_PAYMENT_BILLID).fallBack()) {
            List<Long> pending = new ArrayList<>(out.keySet());
            while (!pending.isEmpty()) {
                long billId = pending.remove(0);
                List<BillPayment> answer;
                try {
                    answer = payments.list(SearchQuery.create().equalTo("billid", billId)).toList();
                } catch (ApiException e) {
                    if (e.status() != 400) {
                        throw e;
                    }
                    memory.decide(BILL_PAYMENT_BILLID, ParamSupport.REFUSED, "the bill payment list answered 400 to it");
                    break;
                }
                BillPayment foreign = answer.stream().filter(p -> !Objects.equals(p.billId(), billId)).findFirst()
                        .orElse(null);
                if (foreign != null) {
                    memory.decide(BILL_PAYMENT_BILLID, ParamSupport.IGNORED, "asked for the payments of bill " + billId
                            + " and got payment " + foreign.id() + " of bill " + foreign.billId());
                    // the answer is the whole listing: it serves every bill still pending
                    group(answer, out);
                    return out;
                }
                if (!answer.isEmpty()) {
                    memory.decide(BILL_PAYMENT_BILLID, ParamSupport.HONOURED,
                            "the payments returned all belonged to the bill asked for");
                }
                out.get(billId).addAll(answer);
                if (memory.get(BILL_PAYMENT_BILLID).fallBack()) {
                    break;
                }
            }
            if (!memory.get(BILL_PAYMENT_BILLID).fallBack()) {
                return out;
            }
            out.values().forEach(List::clear);
        }
        group(payments.list(SearchQuery.create()).toList(), out);
        return out;
    }

    private static void group(List<BillPayment> all, Map<Long, List<BillPayment>> out) {
        Set<Long> wanted = out.keySet();
        for (BillPayment p : all) {
            if (p.billId() != null && wanted.contains(p.billId())) {
                List<BillPayment> list = out.get(p.billId());
                if (list.stream().noneMatch(q -> q.id() == p.id())) {
                    list.add(p);
                }
            }
        }
    }
}

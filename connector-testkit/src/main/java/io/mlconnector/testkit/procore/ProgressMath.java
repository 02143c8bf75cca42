package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * G702/G703-style progress billing arithmetic shared by requisitions and payment applications: per SOV line,
 * previous work, this period, stored materials, retainage; per document, the summary block.
 */
final class ProgressMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ProgressMath() {
    }

    /**
     * Recomputes a series of billing documents (oldest first) against one contract.
     *
     * @param docs          the documents, in billing order
     * @param items         items of a document; each has {@code _line_id}, {@code scheduled_value},
     *                      {@code work_completed_this_period}, {@code materials_presently_stored}
     * @param contractSum   original contract sum
     * @param changeOrders  approved change orders
     * @param retainagePct  default retainage percent
     * @param summaryFields where to write the summary (e.g. {@code summary}, {@code g702})
     */
    static void recompute(List<ObjectNode> docs, Function<ObjectNode, List<ObjectNode>> items, BigDecimal contractSum,
                          BigDecimal changeOrders, BigDecimal retainagePct, List<String> summaryFields) {
        Map<Long, BigDecimal> prevWork = new HashMap<>();
        Map<Long, BigDecimal> prevRet = new HashMap<>();
        BigDecimal sumToDate = contractSum.add(changeOrders);
        for (ObjectNode doc : docs) {
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal workRet = BigDecimal.ZERO;
            BigDecimal matRet = BigDecimal.ZERO;
            BigDecimal lessPrevious = BigDecimal.ZERO;
            BigDecimal claimed = BigDecimal.ZERO;
            for (ObjectNode item : items.apply(doc)) {
                long line = item.path("_line_id").asLong();
                BigDecimal scheduled = PcMoney.decOrZero(item.get("scheduled_value"));
                BigDecimal prev = prevWork.getOrDefault(line, BigDecimal.ZERO);
                BigDecimal prevR = prevRet.getOrDefault(line, BigDecimal.ZERO);
                BigDecimal work = PcMoney.decOrZero(item.get("work_completed_this_period"));
                BigDecimal stored = PcMoney.decOrZero(item.get("materials_presently_stored"));
                BigDecimal pct = PcMoney.dec(item.get("work_completed_retainage_percent_this_period"));
                if (pct == null) {
                    pct = retainagePct;
                }
                BigDecimal retThis = work.multiply(pct).divide(HUNDRED, 2, RoundingMode.HALF_UP);
                BigDecimal matR = stored.multiply(retainagePct).divide(HUNDRED, 2, RoundingMode.HALF_UP);
                BigDecimal lineTotal = prev.add(work).add(stored);
                item.put("work_completed_from_previous_application", PcMoney.str(prev));
                item.put("work_completed_this_period", PcMoney.str(work));
                item.put("materials_presently_stored", PcMoney.str(stored));
                item.put("total_completed_and_stored_to_date", PcMoney.str(lineTotal));
                item.put("total_completed_and_stored_to_date_percent", scheduled.signum() == 0 ? "0.00"
                    : PcMoney.str(lineTotal.multiply(HUNDRED).divide(scheduled, 2, RoundingMode.HALF_UP)));
                item.put("work_completed_retainage_from_previous_application", PcMoney.str(prevR));
                item.put("work_completed_retainage_retained_this_period", PcMoney.str(retThis));
                item.put("work_completed_retainage_percent_this_period", PcMoney.str(pct));
                item.put("materials_stored_retainage_currently_retained", PcMoney.str(matR));
                item.put("materials_stored_retainage_percent_this_period", PcMoney.str(retainagePct));
                item.put("work_completed_retainage_released_this_period", "0.00");
                item.put("materials_stored_retainage_released_this_period", "0.00");
                total = total.add(lineTotal);
                workRet = workRet.add(prevR).add(retThis);
                matRet = matRet.add(matR);
                lessPrevious = lessPrevious.add(prev.subtract(prevR));
                claimed = claimed.add(work).add(stored);
                prevWork.put(line, prev.add(work));
                prevRet.put(line, prevR.add(retThis));
            }
            BigDecimal retainage = workRet.add(matRet);
            BigDecimal earned = total.subtract(retainage);
            for (String field : summaryFields) {
                ObjectNode s = doc.putObject(field);
                s.put("original_contract_sum", PcMoney.str(contractSum));
                s.put("net_change_by_change_orders", PcMoney.str(changeOrders));
                s.put("contract_sum_to_date", PcMoney.str(sumToDate));
                s.put("total_completed_and_stored_to_date", PcMoney.str(total));
                s.put("completed_work_retainage_percent", PcMoney.str(retainagePct));
                s.put("completed_work_retainage_amount", PcMoney.str(workRet));
                s.put("stored_materials_retainage_percent", PcMoney.str(retainagePct));
                s.put("stored_materials_retainage_amount", PcMoney.str(matRet));
                s.put("total_retainage", PcMoney.str(retainage));
                s.put("total_earned_less_retainage", PcMoney.str(earned));
                s.put("less_previous_certificates_for_payment", PcMoney.str(lessPrevious));
                s.put("current_payment_due", PcMoney.str(earned.subtract(lessPrevious)));
                s.put("balance_to_finish_including_retainage", PcMoney.str(sumToDate.subtract(earned)));
            }
            doc.put("percent_complete", (sumToDate.signum() == 0 ? "0.00"
                : PcMoney.str(total.multiply(HUNDRED).divide(sumToDate, 2, RoundingMode.HALF_UP))) + "%");
            doc.put("_claimed", PcMoney.str(claimed));
            doc.put("_current_payment_due", PcMoney.str(earned.subtract(lessPrevious)));
        }
    }
}

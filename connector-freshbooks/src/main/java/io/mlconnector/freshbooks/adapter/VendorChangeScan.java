package io.mlconnector.freshbooks.adapter;

import static io.mlconnector.freshbooks.adapter.UndocumentedParam.BILL_VENDOR_UPDATED_MIN;

import io.mlconnector.core.error.ApiException;
import io.mlconnector.freshbooks.internal.json.FreshBooksTime;
import io.mlconnector.freshbooks.model.BillVendor;
import io.mlconnector.freshbooks.query.SearchQuery;
import io.mlconnector.freshbooks.resource.BillVendorService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Bill vendors changed since a cursor. {@code search[updated_min]} is not documented for vendors, so the answer is
 * filtered here too (an API that ignores it returns every vendor, which stays correct) and checked: a vendor older
 * than the day asked for, by more than a day of time-zone doubt, shows the filter is ignored; a 400 shows it is
 * refused. Either way the connection switches to the documented listing (all vendors plus {@code search[vis_state]=1})
 * filtered here.
 */
final class VendorChangeScan {
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private final BillVendorService vendors;
    private final ParamSupportMemory memory;

    VendorChangeScan(BillVendorService vendors, ParamSupportMemory memory) {
        this.vendors = vendors;
        this.memory = memory;
    }

    /** Live and deleted vendors changed on or after the US/Eastern day before {@code since}. */
    List<BillVendor> changedSince(Instant since) {
        LocalDate day = FreshBooksTime.updatedMinFor(since);
        Instant floor = day.atStartOfDay(EASTERN).toInstant();
        if (!memory.get(BILL_VENDOR_UPDATED_MIN).fallBack()) {
            List<BillVendor> filtered;
            try {
                filtered = new ArrayList<>(vendors.list(SearchQuery.create().updatedOnOrAfter(day)).toList());
                filtered.addAll(vendors.list(SearchQuery.create().updatedOnOrAfter(day).deletedOnly()).toList());
            } catch (ApiException e) {
                if (e.status() != 400) {
                    throw e;
                }
                memory.decide(BILL_VENDOR_UPDATED_MIN, ParamSupport.REFUSED, "the vendor list answered 400 to it");
                return fullScan(floor);
            }
            Instant tooOld = floor.minus(Duration.ofDays(1));
            BillVendor old = filtered.stream().filter(v -> v.updatedAt() != null && v.updatedAt().isBefore(tooOld))
                    .findFirst().orElse(null);
            if (old != null) {
                memory.decide(BILL_VENDOR_UPDATED_MIN, ParamSupport.IGNORED, "asked for vendors updated on or after "
                        + day + " and got vendor " + old.id() + " updated " + old.updatedAt());
            } else if (!filtered.isEmpty()) {
                memory.decide(BILL_VENDOR_UPDATED_MIN, ParamSupport.HONOURED,
                        "every vendor returned was updated within the window");
            }
            return keepFrom(filtered, floor);
        }
        return fullScan(floor);
    }

    private List<BillVendor> fullScan(Instant floor) {
        List<BillVendor> all = new ArrayList<>(vendors.list(SearchQuery.create()).toList());
        all.addAll(vendors.list(SearchQuery.create().deletedOnly()).toList());
        return keepFrom(all, floor);
    }

    private static List<BillVendor> keepFrom(List<BillVendor> vendors, Instant floor) {
        return vendors.stream().filter(v -> v.updatedAt() == null || !v.updatedAt().isBefore(floor)).toList();
    }
}

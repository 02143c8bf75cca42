package io.mlconnector.procore.adapter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.error.ApiException;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.model.BillingPeriod;
import io.mlconnector.procore.model.CommitmentContract;
import io.mlconnector.procore.model.PrimeContract;
import io.mlconnector.procore.request.BillingPeriodInput;
import io.mlconnector.procore.resource.CommitmentType;
import io.mlconnector.procore.resource.ListOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reference data the adapter needs to post without per-record lookups, cached with Caffeine (ticking on the
 * client's clock): each project's commitments (PO + WO lists), commitment details with SOV lines, billing periods,
 * budget codes ({@link WbsIndex}), the company's budget code pattern ({@link WbsScheme}), and prime contracts. When the caches are warm, posting a bill costs one write.
 */
final class ReferenceCache {
    private record Key(long projectId, long id) {
    }

    /** A commitment list row together with the route family it came from. */
    record Listed(CommitmentType type, CommitmentContract contract) {
    }

    private final ProcoreClient client;
    private final Cache<Long, List<Listed>> commitmentLists;
    private final Cache<Key, CommitmentContract> commitmentDetails;
    private final Cache<Key, Optional<Listed>> vendorCommitments;
    private final Cache<Long, List<BillingPeriod>> billingPeriods;
    private final Cache<Long, WbsIndex> wbsCodes;
    private final Cache<Long, WbsScheme> wbsSchemes;
    private final Cache<Long, List<PrimeContract>> primeContracts;
    private final Clock clock;
    private final Duration missRefresh;
    private final Map<Long, Instant> wbsLoadedAt = new java.util.concurrent.ConcurrentHashMap<>();

    ReferenceCache(ProcoreClient client, Duration ttl, Duration missRefresh) {
        this.client = client;
        this.clock = client.clock();
        this.missRefresh = missRefresh;
        Ticker ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.commitmentLists = Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).maximumSize(10_000).build();
        this.commitmentDetails = Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).maximumSize(10_000).build();
        this.vendorCommitments = Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).maximumSize(50_000).build();
        this.billingPeriods = Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).maximumSize(10_000).build();
        this.wbsCodes = Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).maximumSize(10_000).build();
        this.wbsSchemes = Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).maximumSize(1).build();
        this.primeContracts = Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).maximumSize(10_000).build();
    }

    /** Both commitment lists of a project (purchase orders and work orders). */
    List<Listed> commitments(ProjectRef project) {
        return commitmentLists.get(project.projectId(), p -> {
            List<Listed> all = new ArrayList<>();
            for (CommitmentType t : CommitmentType.values()) {
                client.commitments().list(project, t, ListOptions.defaults()).forEach(c -> all.add(new Listed(t, c)));
            }
            return List.copyOf(all);
        });
    }

    /**
     * The vendor's billable commitment on the project: status Approved, not deleted, requisitions enabled (checked
     * on the detail when the list does not say); the most recently updated one wins when there are several.
     */
    Optional<CommitmentContract> vendorCommitment(ProjectRef project, long vendorId) {
        Optional<Listed> listed = vendorCommitments.get(new Key(project.projectId(), vendorId), k -> {
            List<Listed> candidates = commitments(project).stream()
                    .filter(l -> l.contract().vendor() != null && l.contract().vendor().id() != null
                            && l.contract().vendor().id() == vendorId)
                    .filter(l -> "approved".equalsIgnoreCase(l.contract().status()))
                    .filter(l -> l.contract().deletedAt() == null)
                    .filter(l -> !Boolean.FALSE.equals(l.contract().requisitionsAreEnabled()))
                    .sorted(Comparator.comparing((Listed l) -> l.contract().updatedAt(),
                            Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                    .toList();
            for (Listed l : candidates) {
                CommitmentContract detail = detail(project, l.type(), l.contract().id());
                if (Boolean.TRUE.equals(detail.requisitionsAreEnabled()) || Boolean.TRUE.equals(l.contract().requisitionsAreEnabled())) {
                    return Optional.of(l);
                }
            }
            return Optional.empty();
        });
        return listed.map(l -> detail(project, l.type(), l.contract().id()));
    }

    /** A commitment with its SOV lines, by id (its kind found from the project's lists). */
    CommitmentContract commitment(ProjectRef project, long commitmentId) {
        CommitmentContract cached = commitmentDetails.getIfPresent(new Key(project.projectId(), commitmentId));
        if (cached != null) {
            return cached;
        }
        Listed listed = commitments(project).stream().filter(l -> l.contract().id() == commitmentId).findFirst().orElse(null);
        if (listed == null) {
            commitmentLists.invalidate(project.projectId());
            listed = commitments(project).stream().filter(l -> l.contract().id() == commitmentId).findFirst()
                    .orElseThrow(() -> new UnresolvedReferenceException("commitment " + commitmentId + " is not a purchase order"
                            + " or work order contract of " + project));
        }
        return detail(project, listed.type(), commitmentId);
    }

    /** The route family of a cached commitment, or null. */
    CommitmentType typeOf(ProjectRef project, long commitmentId) {
        return commitments(project).stream().filter(l -> l.contract().id() == commitmentId).map(Listed::type).findFirst().orElse(null);
    }

    private CommitmentContract detail(ProjectRef project, CommitmentType type, long id) {
        return commitmentDetails.get(new Key(project.projectId(), id), k -> client.commitments().get(project, type, id));
    }

    /** Forgets a project's prime contracts (a search that must see contracts created since they were read). */
    void invalidatePrimeContracts(ProjectRef project) {
        primeContracts.invalidate(project.projectId());
    }

    /** Forgets a project's commitments (after a refused posting, say). */
    void invalidateCommitments(ProjectRef project) {
        commitmentLists.invalidate(project.projectId());
        commitmentDetails.asMap().keySet().removeIf(k -> k.projectId() == project.projectId());
        vendorCommitments.asMap().keySet().removeIf(k -> k.projectId() == project.projectId());
    }

    /**
     * The billing period a requisition dated {@code date} goes into: an open period covering the date; else, when
     * no period covers that date at all and {@code mayCreate}, a new open period for the date's month (created
     * through the API); else the latest open period.
     */
    BillingPeriod billingPeriod(ProjectRef project, LocalDate date, boolean mayCreate) {
        List<BillingPeriod> periods = billingPeriods.get(project.projectId(),
                p -> client.requisitions().billingPeriods(project, ListOptions.defaults()).toList());
        Optional<BillingPeriod> covering = periods.stream().filter(p -> p.isOpen() && p.covers(date)).findFirst();
        if (covering.isPresent()) {
            return covering.get();
        }
        boolean anyCovers = periods.stream().anyMatch(p -> p.covers(date));
        if (!anyCovers && mayCreate) {
            YearMonth month = YearMonth.from(date);
            try {
                BillingPeriod created = client.requisitions().createBillingPeriod(project,
                        new BillingPeriodInput(month.atDay(1), month.atEndOfMonth(), month.atEndOfMonth(), "open"));
                List<BillingPeriod> updated = new ArrayList<>(periods);
                updated.add(created);
                billingPeriods.put(project.projectId(), List.copyOf(updated));
                return created;
            } catch (ApiException e) {
                throw new UnresolvedReferenceException("no open billing period covers " + date + " on " + project
                        + " and Procore refused to create one (HTTP " + e.status() + ")", e);
            }
        }
        return periods.stream().filter(BillingPeriod::isOpen)
                .max(Comparator.comparing(BillingPeriod::endDate, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElseThrow(() -> new UnresolvedReferenceException("no open billing period on " + project + " for " + date));
    }

    /** Forgets a project's billing periods. */
    void invalidatePeriods(ProjectRef project) {
        billingPeriods.invalidate(project.projectId());
    }

    /** The WBS code id of a cost code + cost type on the project; reloads at most once per miss interval. */
    Optional<Long> wbsCodeId(ProjectRef project, String costCode, String costType) {
        Optional<Long> id = wbs(project).idOf(costCode, costType);
        if (id.isEmpty() && mayReloadWbs(project)) {
            wbsCodes.invalidate(project.projectId());
            id = wbs(project).idOf(costCode, costType);
        }
        return id;
    }

    /** The cost code + cost type of a WBS code id on the project (reloading once per miss interval when unknown). */
    Optional<BudgetCode> budgetCode(ProjectRef project, Long wbsCodeId) {
        Optional<BudgetCode> code = wbs(project).codeOf(wbsCodeId);
        if (code.isEmpty() && wbsCodeId != null && mayReloadWbs(project)) {
            wbsCodes.invalidate(project.projectId());
            code = wbs(project).codeOf(wbsCodeId);
        }
        return code;
    }

    private boolean mayReloadWbs(ProjectRef project) {
        Instant last = wbsLoadedAt.getOrDefault(project.projectId(), Instant.MIN);
        return Duration.between(last, clock.instant()).compareTo(missRefresh) >= 0;
    }

    /** The project's budget codes, loaded on the first lookup that needs them (see {@link WbsIndex#deferred}). */
    WbsIndex wbsView(ProjectRef project) {
        return WbsIndex.deferred(() -> wbs(project));
    }

    /** The project's budget codes, read into cost code + cost type (cached). */
    WbsIndex wbs(ProjectRef project) {
        return wbsCodes.get(project.projectId(), p -> {
            WbsIndex index;
            try {
                index = WbsIndex.of(client.budget().wbsCodes(project, ListOptions.bulk()).toList(), this::wbsScheme);
            } catch (NotFoundException e) {
                // a project without budget codes: embedded codes are read with the company pattern alone
                index = WbsIndex.empty(this::wbsScheme);
            }
            wbsLoadedAt.put(project.projectId(), clock.instant());
            return index;
        });
    }

    /**
     * The company's budget code pattern (cached once per client): {@code GET /rest/v1.0/companies/{c}/work_breakdown_structure/patterns}.
     * A company without a pattern (404) uses Procore's default ({@code sub job . cost code . cost type}).
     */
    WbsScheme wbsScheme() {
        return wbsSchemes.get(0L, k -> {
            try {
                return WbsScheme.of(client.budget().wbsPattern());
            } catch (NotFoundException e) {
                return WbsScheme.DEFAULT;
            }
        });
    }

    /** The project's prime contracts. */
    List<PrimeContract> primeContracts(ProjectRef project) {
        return primeContracts.get(project.projectId(), p -> client.contracts().primeContracts(project).toList());
    }

    /**
     * Whether a contract id is one of the project's prime contracts. An id in neither the cached prime contracts
     * nor the project's commitments reloads the prime contracts once (a prime contract created since they were read).
     */
    boolean isPrimeContract(ProjectRef project, Long contractId) {
        if (contractId == null) {
            return false;
        }
        if (primeContracts(project).stream().anyMatch(pc -> pc.id() == contractId)) {
            return true;
        }
        if (commitments(project).stream().anyMatch(l -> l.contract().id() == contractId)) {
            return false;
        }
        primeContracts.invalidate(project.projectId());
        return primeContracts(project).stream().anyMatch(pc -> pc.id() == contractId);
    }

    /** The project's prime contract: the approved one not deleted, else the first not deleted. */
    PrimeContract primeContract(ProjectRef project) {
        List<PrimeContract> all = primeContracts(project);
        return all.stream().filter(pc -> pc.deletedAt() == null)
                .filter(pc -> "approved".equalsIgnoreCase(pc.status()))
                .findFirst().or(() -> all.stream().filter(pc -> pc.deletedAt() == null).findFirst())
                .orElseThrow(() -> new UnresolvedReferenceException("project " + project + " has no prime contract"));
    }
}

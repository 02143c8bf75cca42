package io.mlconnector.procore.scope;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.port.InvalidProjectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates company/project pairs before any project-scoped request is sent (procore.md trap 1): the company
 * must be the client's own ({@link CompanyMismatchException}, no request at all), and the project must be one the
 * service account can see in that company ({@link InvalidProjectException}, never a 404 round trip).
 *
 * <p>The company's project ids are loaded once through the projects list and cached with Caffeine (expiring after
 * {@code maxAge}); an unknown id triggers a reload at most once per {@code minRefreshInterval}, so a project created
 * after start-up is found while a stream of bad ids cannot hammer the API. Thread-safe.
 */
public final class ProjectScope {
    private final long companyId;
    private final Supplier<Set<Long>> loader;
    private final Clock clock;
    private final Duration minRefreshInterval;
    private final Cache<Long, Set<Long>> cache;
    private final Object refreshLock = new Object();
    private volatile Instant lastLoad = Instant.MIN;

    /**
     * @param companyId          the client's company
     * @param loader             lists the company's project ids (one or more API calls)
     * @param clock              time source (also drives cache expiry)
     * @param maxAge             how long a loaded list is trusted
     * @param minRefreshInterval the least time between two reloads caused by unknown ids
     */
    public ProjectScope(long companyId, Supplier<Set<Long>> loader, Clock clock, Duration maxAge, Duration minRefreshInterval) {
        this.companyId = companyId;
        this.loader = Objects.requireNonNull(loader, "loader");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
        Ticker ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.cache = Caffeine.newBuilder().expireAfterWrite(maxAge).ticker(ticker).maximumSize(1).build();
    }

    /**
     * The company this scope belongs to.
     *
     * @return the company this scope belongs to
     */
    public long companyId() {
        return companyId;
    }

    /**
     * Validates a pair: non-null, the client's company, and a project visible in it.
     *
     * @param project the project
     * @throws CompanyMismatchException another company
     * @throws InvalidProjectException  an unknown project
     */
    public void requireProject(ProjectRef project) {
        if (project == null) {
            throw new InvalidProjectException(null, "a project reference is required");
        }
        if (project.companyId() != companyId) {
            throw new CompanyMismatchException(project, companyId, project.companyId());
        }
        if (known().contains(project.projectId())) {
            return;
        }
        synchronized (refreshLock) {
            if (known().contains(project.projectId())) {
                return;
            }
            if (Duration.between(lastLoad, clock.instant()).compareTo(minRefreshInterval) >= 0) {
                cache.put(companyId, load());
                if (known().contains(project.projectId())) {
                    return;
                }
            }
        }
        throw new InvalidProjectException(project, "project " + project.projectId() + " is not a project of company "
                + companyId + " visible to this service account (is it among the app's permitted projects?)");
    }

    /**
     * Adds a project id we just created or saw, without a reload.
     *
     * @param projectId the project's id
     */
    public void remember(long projectId) {
        Set<Long> current = new HashSet<>(known());
        current.add(projectId);
        cache.put(companyId, Set.copyOf(current));
    }

    /** Forgets the cached list; the next validation reloads it. */
    public void invalidate() {
        cache.invalidateAll();
        lastLoad = Instant.MIN;
    }

    /**
     * The currently known project ids (loading them on first use).
     *
     * @return the currently known project ids (loading them on first use)
     */
    public Set<Long> known() {
        return cache.get(companyId, k -> load());
    }

    private Set<Long> load() {
        Set<Long> ids = Set.copyOf(loader.get());
        lastLoad = clock.instant();
        return ids;
    }
}

package io.mlconnector.procore.adapter;

import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.model.DirectCost;
import io.mlconnector.procore.resource.ListOptions;
import io.mlconnector.procore.webhook.HookScope;
import io.mlconnector.procore.webhook.ProcoreResourceTypes;
import io.mlconnector.procore.webhook.ProcoreWebhookParser;
import io.mlconnector.procore.webhook.WebhookDelivery;
import io.mlconnector.procore.webhook.WebhookHook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "What changed since" for each Procore stream, using only what each list documents:
 * <ul>
 *   <li>change order packages: {@code filters[updated_at]} + {@code filters[include_deleted]=with};</li>
 *   <li>prime change orders: {@code filters[updated_at]} (one unpaged call: the list documents no paging);</li>
 *   <li>direct costs: {@code filters[updated_at]}; deletions (the list has no deleted filter) from a periodic sweep
 *       of the project's direct cost ids ({@link DeletionTracker});</li>
 *   <li>budget changes: the list takes no filters and no paging, so it is read whole and filtered on
 *       {@code updated_at} here;</li>
 *   <li>vendors: the active list with {@code filters[updated_at]}, plus the inactive list (no filters) filtered
 *       here, so a deactivation is reported (as a change: the vendor reads back inactive);</li>
 *   <li>projects: {@code filters[updated_at]} with {@code filters[by_status]=All}.</li>
 * </ul>
 * Also re-reads undelivered webhook deliveries.
 */
final class ProcorePolling {
    private final ProcoreClient client;
    private final Duration pollOverlap;
    private final DeletionTracker directCostDeletions;
    private final DeletionTracker primeChangeOrderDeletions;
    private final String webhookNamespace;
    private final List<ProjectRef> webhookProjects;

    ProcorePolling(ProcoreClient client, Duration pollOverlap, Duration deletionSweepInterval, Duration deletionRetention,
                   String webhookNamespace, List<ProjectRef> webhookProjects) {
        this.client = client;
        this.pollOverlap = pollOverlap;
        this.directCostDeletions = new DeletionTracker(client.clock(), deletionSweepInterval, deletionRetention);
        this.primeChangeOrderDeletions = new DeletionTracker(client.clock(), deletionSweepInterval, deletionRetention);
        this.webhookNamespace = webhookNamespace;
        this.webhookProjects = List.copyOf(webhookProjects);
    }

    List<ChangedRecord> listChanged(ProjectRef project, SourceStream stream, Instant since) {
        Instant now = client.clock().instant();
        Instant from = since == null ? Instant.EPOCH : since.minus(pollOverlap);
        if (from.isAfter(now)) {
            from = now;
        }
        ListOptions window = ListOptions.updatedBetween(from, now);
        switch (stream) {
            case VENDORS:
                return vendors(window, from);
            case PROJECTS:
                return client.projects().list(window, "All").map(p -> new ChangedRecord(NeutralModel.ref(
                        ProcoreResourceTypes.PROJECT, p.id()), NeutralModel.version(p.updatedAt()), false)).toList();
            default:
                break;
        }
        client.validateProject(project);
        return switch (stream) {
            case CHANGE_ORDERS -> client.changeOrders().packages(project, window.withIncludeDeleted("with"), null)
                    .map(p -> new ChangedRecord(NeutralModel.ref(ProcoreResourceTypes.CHANGE_ORDER_PACKAGE, p.id()),
                            NeutralModel.version(p.updatedAt()), p.deletedAt() != null)).toList();
            case PRIME_CHANGE_ORDERS -> primeChangeOrders(project, window);
            case DIRECT_COSTS -> directCosts(project, window);
            case BUDGET_CHANGES -> budgetChanges(project, from);
            default -> throw new IllegalArgumentException("Procore has no stream " + stream);
        };
    }

    private List<ChangedRecord> vendors(ListOptions window, Instant from) {
        Map<Long, ChangedRecord> out = new LinkedHashMap<>();
        client.vendors().list(window).forEach(v -> out.put(v.id(), new ChangedRecord(
                NeutralModel.ref(ProcoreResourceTypes.VENDOR, v.id()), NeutralModel.version(v.updatedAt()), false)));
        client.vendors().listInactive()
                .filter(v -> v.updatedAt() == null || !v.updatedAt().isBefore(from))
                .forEach(v -> out.putIfAbsent(v.id(), new ChangedRecord(NeutralModel.ref(ProcoreResourceTypes.VENDOR, v.id()),
                        NeutralModel.version(v.updatedAt()), false)));
        return List.copyOf(out.values());
    }

    private List<ChangedRecord> directCosts(ProjectRef project, ListOptions window) {
        Map<Long, ChangedRecord> out = new LinkedHashMap<>();
        client.directCosts().list(project, window).forEach(d -> out.put(d.id(), new ChangedRecord(
                NeutralModel.ref(ProcoreResourceTypes.DIRECT_COST, d.id()), NeutralModel.version(d.updatedAt()),
                d.deletedAt() != null)));
        if (directCostDeletions.sweepDue(project.projectId())) {
            Set<Long> listed = new HashSet<>();
            client.directCosts().list(project, ListOptions.bulk()).filter(d -> d.deletedAt() == null)
                    .map(DirectCost::id).forEach(listed::add);
            directCostDeletions.sweep(project.projectId(), listed);
        }
        for (Long id : directCostDeletions.deleted(project.projectId())) {
            out.put(id, new ChangedRecord(NeutralModel.ref(ProcoreResourceTypes.DIRECT_COST, id), null, true));
        }
        return List.copyOf(out.values());
    }

    /**
     * Prime contract change orders changed in the window, and (the list has no deleted filter and no webhook resource
     * is documented for them) the ones that disappeared since the previous sweep of the project's ids, so a deleted
     * change order moves the fixed price back.
     */
    private List<ChangedRecord> primeChangeOrders(ProjectRef project, ListOptions window) {
        Map<Long, ChangedRecord> out = new LinkedHashMap<>();
        client.changeOrders().primeChangeOrders(project, window).forEach(p -> out.put(p.id(), new ChangedRecord(
                NeutralModel.ref(ProcoreResourceTypes.PRIME_CHANGE_ORDER, p.id()), NeutralModel.version(p.updatedAt()),
                p.deletedAt() != null)));
        if (primeChangeOrderDeletions.sweepDue(project.projectId())) {
            Set<Long> listed = new HashSet<>();
            client.changeOrders().primeChangeOrders(project, ListOptions.bulk()).stream()
                    .filter(p -> p.deletedAt() == null).forEach(p -> listed.add(p.id()));
            primeChangeOrderDeletions.sweep(project.projectId(), listed);
        }
        for (Long id : primeChangeOrderDeletions.deleted(project.projectId())) {
            out.put(id, new ChangedRecord(NeutralModel.ref(ProcoreResourceTypes.PRIME_CHANGE_ORDER, id), null, true));
        }
        return List.copyOf(out.values());
    }

    private List<ChangedRecord> budgetChanges(ProjectRef project, Instant from) {
        return client.budget().listBudgetChanges(project).stream()
                .filter(b -> b.updatedAt() == null || !b.updatedAt().isBefore(from))
                .map(b -> new ChangedRecord(NeutralModel.ref(ProcoreResourceTypes.BUDGET_CHANGE, b.id()),
                        NeutralModel.version(b.updatedAt()), b.deletedAt() != null))
                .collect(Collectors.toList());
    }

    List<InboundEvent> undeliveredEvents(Instant since) {
        if (webhookNamespace == null) {
            throw new IllegalStateException("set webhookNamespace on the builder to read undelivered webhook events");
        }
        List<HookScope> scopes = new ArrayList<>();
        scopes.add(HookScope.company());
        webhookProjects.forEach(p -> scopes.add(HookScope.project(p)));
        Map<String, InboundEvent> events = new LinkedHashMap<>();
        for (HookScope scope : scopes) {
            for (WebhookHook hook : client.webhooks().listHooks(scope, webhookNamespace)) {
                for (String status : List.of("failing", "discarded")) {
                    client.webhooks().deliveries(scope, hook.id(), status, 100)
                            .filter(d -> d.event() != null)
                            .filter(d -> since == null || d.event().timestamp() == null || !d.event().timestamp().isBefore(since))
                            .map(WebhookDelivery::event)
                            .forEach(e -> events.putIfAbsent(e.eventId(), ProcoreWebhookParser.toInbound(e)));
                }
            }
        }
        return List.copyOf(events.values());
    }
}

package io.mlconnector.core.operator;

import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.model.CostCode;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.sync.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference records of one connection's two systems, read once per operator request when first needed: source
 * names for the plain reasons, and the target list a mapping of each kind picks from. Not thread-safe (one request).
 */
final class ReferenceLists {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceLists.class);

    /** Which list a kind's source ids and target ids come from. */
    private enum Side { ACCOUNTING_VENDORS, ACCOUNTING_PROJECTS, ACCOUNTING_GL_ACCOUNTS, PROJECT_VENDORS,
        PROJECT_PROJECTS, COST_CODES, NONE }

    private final Connection connection;
    private final MappingStore mappings;
    private final Map<Side, List<TargetOption>> loaded = new EnumMap<>(Side.class);

    ReferenceLists(Connection connection, MappingStore mappings) {
        this.connection = connection;
        this.mappings = mappings;
    }

    /** The records a mapping of {@code kind} may point to; throws when the system cannot be read. */
    List<TargetOption> targets(MappingKind kind) {
        return list(targetSide(kind));
    }

    /** Whether the target ids of {@code kind} come from a list the console can offer. */
    static boolean hasTargetList(MappingKind kind) {
        return targetSide(kind) != Side.NONE;
    }

    /** The source record's name, or null when it is not listed or the list cannot be read. */
    String sourceName(MappingKind kind, String sourceId) {
        Side side = sourceSide(kind);
        if (side == Side.NONE) {
            return null;
        }
        try {
            for (TargetOption o : list(side)) {
                if (o.id().equals(sourceId)) {
                    return o.name();
                }
            }
        } catch (ConnectorException e) {
            LOG.warn("connection {}: names of {} not read: {}", connection.id(), side, e.getMessage());
            loaded.put(side, List.of());
        }
        return null;
    }

    private static Side targetSide(MappingKind kind) {
        return switch (kind) {
            case VENDOR -> Side.PROJECT_VENDORS;
            case PROJECT, VENDOR_PROJECT, CLIENT_PROJECT -> Side.PROJECT_PROJECTS;
            case GL_ACCOUNT, ITEM, PROJECT_DEFAULT_COST_CODE -> Side.COST_CODES;
            case COST_CODE_CATEGORY -> Side.ACCOUNTING_GL_ACCOUNTS;
        };
    }

    private static Side sourceSide(MappingKind kind) {
        return switch (kind) {
            case VENDOR, VENDOR_PROJECT -> Side.ACCOUNTING_VENDORS;
            case PROJECT -> Side.ACCOUNTING_PROJECTS;
            case GL_ACCOUNT -> Side.ACCOUNTING_GL_ACCOUNTS;
            case COST_CODE_CATEGORY -> Side.COST_CODES;
            case PROJECT_DEFAULT_COST_CODE -> Side.PROJECT_PROJECTS;
            case CLIENT_PROJECT, ITEM -> Side.NONE;
        };
    }

    private List<TargetOption> list(Side side) {
        List<TargetOption> l = loaded.get(side);
        if (l == null) {
            l = List.copyOf(read(side));
            loaded.put(side, l);
        }
        return l;
    }

    private List<TargetOption> read(Side side) {
        return switch (side) {
            case ACCOUNTING_VENDORS -> vendors(connection.accounting()::listVendors);
            case PROJECT_VENDORS -> vendors(connection.projects()::listVendors);
            case ACCOUNTING_PROJECTS -> projects(connection.accounting()::listProjects);
            case PROJECT_PROJECTS -> projects(connection.projects()::listProjects);
            case ACCOUNTING_GL_ACCOUNTS -> glAccounts();
            case COST_CODES -> costCodes();
            case NONE -> List.of();
        };
    }

    private static List<TargetOption> vendors(Supplier<List<Vendor>> source) {
        List<TargetOption> out = new ArrayList<>();
        for (Vendor v : source.get()) {
            out.add(new TargetOption(v.ref().id(), v.name(), v.active()));
        }
        return out;
    }

    private static List<TargetOption> projects(Supplier<List<Project>> source) {
        List<TargetOption> out = new ArrayList<>();
        for (Project p : source.get()) {
            String name = p.number() == null || p.number().isBlank() ? p.name() : p.number() + " " + p.name();
            out.add(new TargetOption(p.ref().id(), name, p.active()));
        }
        return out;
    }

    private List<TargetOption> glAccounts() {
        List<TargetOption> out = new ArrayList<>();
        for (GlAccount g : connection.accounting().listGlAccounts()) {
            String name = g.number() == null || g.number().isBlank() ? g.name() : g.number() + " " + g.name();
            out.add(new TargetOption(g.ref().id(), name, g.active()));
        }
        return out;
    }

    /** The cost codes of every project with a confirmed project mapping, each code once (as alignment offers them). */
    private List<TargetOption> costCodes() {
        Map<String, TargetOption> byCode = new LinkedHashMap<>();
        for (Mapping m : mappings.list(connection.id(), MappingKind.PROJECT)) {
            if (!m.isConfirmed()) {
                continue;
            }
            ProjectRef ref;
            try {
                ref = new ProjectRef(connection.projects().companyId(), Long.parseLong(m.targetId().trim()));
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (CostCode cc : connection.projects().listCostCodes(ref)) {
                byCode.putIfAbsent(cc.code(), new TargetOption(cc.code(), cc.name(), true));
            }
        }
        return new ArrayList<>(byCode.values());
    }
}

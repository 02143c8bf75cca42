package io.mlconnector.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules of the code's layout (README, "How the code is laid out"), checked on the main classes of every module:
 * core knows no other module of ours and no vendor by name, no two packages depend on each other in a cycle, and a
 * package named {@code internal} is used only from its own module. Lives here because this module's test classpath
 * holds every module.
 */
@AnalyzeClasses(packages = "io.mlconnector",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** The root package of each of our modules; a package belongs to the longest root it starts with. */
    private static final String[] MODULE_ROOTS = {
        "io.mlconnector.core", "io.mlconnector.freshbooks", "io.mlconnector.procore", "io.mlconnector.testkit",
        "io.mlconnector.jdbc", "io.mlconnector.runtime", "io.mlconnector.micrometer", "io.mlconnector.console",
        "io.mlconnector.spring.boot", "io.mlconnector.examples", "io.mlconnector.benchmarks"};

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses().that().resideInAPackage("io.mlconnector.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mlconnector.freshbooks..",
                    "io.mlconnector.procore..", "io.mlconnector.testkit..", "io.mlconnector.jdbc..",
                    "io.mlconnector.runtime..", "io.mlconnector.micrometer..", "io.mlconnector.console..",
                    "io.mlconnector.spring..", "io.mlconnector.examples..", "io.mlconnector.benchmarks..")
            .because("core speaks of the accounting side and the project side; the vendors live in their adapters");

    @ArchTest
    static final ArchRule coreTypeNamesNameNoVendor = noClasses().that().resideInAPackage("io.mlconnector.core..")
            .should().haveNameMatching("(?i)io\\.mlconnector\\.core\\..*(freshbooks|procore)[^.]*")
            .because("core's types are named for the side (accounting, project), not for a vendor");

    /**
     * Core members that hosts call and that may keep naming the two systems: the engine's intake methods and builder,
     * the connection's (deprecated) verifier aliases, the connection lookup by account/company, the system names.
     */
    private static final java.util.Set<String> HOST_FACING = java.util.Set.of(
            "io.mlconnector.core.sync.SyncEngine", "io.mlconnector.core.sync.SyncEngine$Builder",
            "io.mlconnector.core.sync.Connection", "io.mlconnector.core.sync.Connection$Builder",
            "io.mlconnector.core.sync.ConnectionProvider", "io.mlconnector.core.sync.InMemoryConnectionProvider",
            "io.mlconnector.core.model.Systems");

    @ArchTest
    static final ArchRule coreMemberNamesNameNoVendor = noMembers()
            .that().areDeclaredInClassesThat().resideInAPackage("io.mlconnector.core..")
            .and(new DescribedPredicate<JavaMember>("are not host-facing") {
                @Override
                public boolean test(JavaMember m) {
                    return !HOST_FACING.contains(m.getOwner().getName());
                }
            })
            .should().haveNameMatching("(?i).*(freshbooks|procore).*")
            .because("core's fields and methods are named for the side (accounting, project); the vendors' formats "
                    + "and words come through the ports");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.mlconnector.(**)").should().beFreeOfCycles()
            // a public package and the internal package behind it are one component: the machinery works on the
            // public package's values (Connection, SyncPolicy, results; JdbcDialect) while the public types drive it
            .ignoreDependency(resideIn("io.mlconnector.core.sync.internal"), packageIs("io.mlconnector.core.sync"))
            .ignoreDependency(resideIn("io.mlconnector.jdbc.internal"), packageIs("io.mlconnector.jdbc"))
            // the HTTP events name the request's method; the transport reports to the listeners
            .ignoreDependency(resideIn("io.mlconnector.core.observe"),
                    DescribedPredicate.describe("HttpMethod", c -> c.getName().equals("io.mlconnector.core.http.HttpMethod")));

    @ArchTest
    static final ArchRule internalPackagesStayInTheirModule = classes().that().resideInAPackage("io.mlconnector..")
            .should(new ArchCondition<>("use internal packages of their own module only") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String own = moduleOf(origin.getPackageName());
                    for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                        String target = d.getTargetClass().getPackageName();
                        boolean internal = target.endsWith(".internal") || target.contains(".internal.");
                        if (internal && target.startsWith("io.mlconnector.") && !moduleOf(target).equals(own)) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            });

    private static String moduleOf(String packageName) {
        String best = "";
        for (String root : MODULE_ROOTS) {
            if ((packageName.equals(root) || packageName.startsWith(root + ".")) && root.length() > best.length()) {
                best = root;
            }
        }
        return best.isEmpty() ? packageName : best;
    }

    private static DescribedPredicate<JavaClass> resideIn(String packagePrefix) {
        return DescribedPredicate.describe("reside in " + packagePrefix + "..",
                c -> c.getPackageName().equals(packagePrefix) || c.getPackageName().startsWith(packagePrefix + "."));
    }

    private static DescribedPredicate<JavaClass> packageIs(String packageName) {
        return DescribedPredicate.describe("reside in " + packageName, c -> c.getPackageName().equals(packageName));
    }

    /** Leaves out the test jars (core's test helpers) beside the test-classes folders. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }
}

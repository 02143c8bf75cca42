package io.mlconnector.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.KeyProvider;
import io.mlconnector.core.auth.StaticKeyProvider;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.runtime.FreshBooksApp;
import io.mlconnector.runtime.MlConnector;
import io.mlconnector.runtime.ProcoreServiceAccount;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * {@link MlConnectorAutoConfiguration} in a plain application context: what the properties build, that every bean
 * backs off for the app's own, lifecycle on the app's scheduler or the connector's own, and clear configuration
 * errors.
 */
class MlConnectorAutoConfigurationTest {
    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    /** The required properties, pointing nowhere (nothing here calls FreshBooks or Procore). */
    static final String[] REQUIRED = {
        "mlconnector.credential-key=" + KEY,
        "mlconnector.freshbooks.client-id=fb-client", "mlconnector.freshbooks.client-secret=fb-secret",
        "mlconnector.freshbooks.redirect-uri=https://erp.example/freshbooks/callback",
        "mlconnector.procore.client-id=pc-client", "mlconnector.procore.client-secret=pc-secret"};

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    MlConnectorAutoConfiguration.class))
            .withPropertyValues("spring.datasource.generate-unique-name=true");

    @Test
    void fromTheProperties_aConnectorOnTheAppsDataSource_withItsTablesMigrated_startedWithTheContext() {
        runner.withPropertyValues(REQUIRED).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MlConnector.class).hasSingleBean(KeyProvider.class)
                    .hasSingleBean(MlConnectorLifecycle.class);
            MlConnector connector = context.getBean(MlConnector.class);
            assertThat(connector.freshBooksAuthorizationUrl(List.of("user:bills:read"), "st").toString())
                    .startsWith("https://auth.freshbooks.com").contains("client_id=fb-client");
            assertThat(tables(context.getBean(DataSource.class))).contains("MLC_WORK_ITEM", "MLC_MAPPING",
                    "MLC_CREDENTIAL");
            MlConnectorLifecycle lifecycle = context.getBean(MlConnectorLifecycle.class);
            assertThat(lifecycle.isRunning()).isTrue();
            assertThat(lifecycle.usesOwnScheduler()).as("no task scheduler in this app").isTrue();
        });
    }

    @Test
    void tablePrefix_isTheProperty() {
        runner.withPropertyValues(REQUIRED).withPropertyValues("mlconnector.table-prefix=erp_sync_").run(context ->
                assertThat(tables(context.getBean(DataSource.class))).contains("ERP_SYNC_WORK_ITEM")
                        .noneMatch(t -> t.startsWith("MLC_")));
    }

    @Test
    void thePolicy_isBoundFromTheProperties_andItsDefaultsAreTheEngines() {
        runner.withPropertyValues(REQUIRED).run(context ->
                assertThat(context.getBean(SyncPolicy.class)).isEqualTo(SyncPolicy.defaults()));
        runner.withPropertyValues(REQUIRED).withPropertyValues("mlconnector.policy.poll-interval=42s",
                "mlconnector.policy.dry-run=true", "mlconnector.policy.enabled-streams=BILLS,DIRECT_COSTS",
                "mlconnector.policy.stream-failure-threshold=5", "mlconnector.policy.max-attempts=3",
                "mlconnector.policy.worker-interval=250ms").run(context -> {
                    SyncPolicy p = context.getBean(SyncPolicy.class);
                    assertThat(p.pollInterval()).isEqualTo(Duration.ofSeconds(42));
                    assertThat(p.dryRun()).isTrue();
                    assertThat(p.enabledStreams()).isEqualTo(Set.of(SourceStream.BILLS, SourceStream.DIRECT_COSTS));
                    assertThat(p.streamFailureThreshold()).isEqualTo(5);
                    assertThat(p.maxAttempts()).isEqualTo(3);
                    assertThat(p.workerInterval()).isEqualTo(Duration.ofMillis(250));
                    assertThat(p.alignment()).isEqualTo(SyncPolicy.defaults().alignment());
                });
        runner.withPropertyValues(REQUIRED).withPropertyValues("mlconnector.policy.month-end.day-of-month=5",
                "mlconnector.policy.month-end.time=06:30", "mlconnector.policy.month-end.zone=America/New_York",
                "mlconnector.policy.month-end.retry-delay=1h").run(context ->
                assertThat(context.getBean(SyncPolicy.class).monthEnd()).isEqualTo(
                        io.mlconnector.core.sync.MonthEndSchedule.onDay(5).withTime(java.time.LocalTime.of(6, 30))
                                .withZone(java.time.ZoneId.of("America/New_York"))
                                .withRetryDelay(Duration.ofHours(1))));
        runner.withPropertyValues(REQUIRED).withPropertyValues("mlconnector.policy.month-end.enabled=false")
                .run(context -> assertThat(context.getBean(SyncPolicy.class).monthEnd().enabled()).isFalse());
    }

    @Test
    void theAppsOwnBeans_win() {
        runner.withUserConfiguration(OwnParts.class).withPropertyValues(REQUIRED).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(FreshBooksApp.class)).isSameAs(context.getBean(OwnParts.class).app);
            assertThat(context.getBean(MlConnector.class).freshBooksAuthorizationUrl(List.of("s"), "st").toString())
                    .as("built with the app's FreshBooks app").contains("client_id=own-client");
            assertThat(context.getBean(MlConnector.class).mappings()).as("the app's mapping store")
                    .isSameAs(context.getBean(MappingStore.class));
            assertThat(context.getBean(SyncPolicy.class).pollInterval()).isEqualTo(Duration.ofMinutes(17));
            assertThat(OwnParts.customized).as("customizers applied in order").containsExactly("first", "second");
        });
    }

    @Test
    void theAppsOwnKeyProvider_replacesTheCredentialKeyProperty() {
        runner.withUserConfiguration(OwnKeys.class).withPropertyValues(withoutKey()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(KeyProvider.class)).isSameAs(context.getBean(OwnKeys.class).keys);
        });
    }

    @Test
    void theAppsOwnConnector_replacesOurs_andIsStillStartedWithTheContext() {
        runner.withUserConfiguration(OwnConnector.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MlConnector.class);
            assertThat(context.getBean(MlConnector.class)).isSameAs(OwnConnector.connector);
            assertThat(context).doesNotHaveBean(FreshBooksApp.class).as("its parts are not made either")
                    .doesNotHaveBean(KeyProvider.class);
            assertThat(context.getBean(MlConnectorLifecycle.class).isRunning()).isTrue();
        });
    }

    @Test
    void onTheAppsTaskScheduler_tasksAreScheduledAtStart_andCancelledWhenTheContextStops() {
        runner.withUserConfiguration(AppScheduler.class).withPropertyValues(REQUIRED).run(context -> {
            ThreadPoolTaskScheduler scheduler = context.getBean(ThreadPoolTaskScheduler.class);
            ScheduledThreadPoolExecutor executor = scheduler.getScheduledThreadPoolExecutor();
            MlConnectorLifecycle lifecycle = context.getBean(MlConnectorLifecycle.class);
            assertThat(lifecycle.usesOwnScheduler()).isFalse();
            List<Future<?>> scheduled = new ArrayList<>();
            executor.getQueue().forEach(r -> scheduled.add((Future<?>) r));
            assertThat(scheduled).as("the engine's worker, rescan and purge tasks and the grant saves")
                    .hasSizeGreaterThanOrEqualTo(4).noneMatch(Future::isCancelled);

            context.stop();

            assertThat(lifecycle.isRunning()).isFalse();
            assertThat(scheduled).allMatch(Future::isCancelled);
            assertThat(executor.isShutdown()).as("the scheduler stays the app's").isFalse();
        });
    }

    @Test
    void connectionsInTheProperties_areAdded() {
        runner.withPropertyValues(REQUIRED).withPropertyValues(
                "mlconnector.connections.acme.freshbooks-account-id=6BApk",
                "mlconnector.connections.acme.freshbooks-business-id=6543",
                "mlconnector.connections.acme.freshbooks-refresh-token=rt-1",
                "mlconnector.connections.acme.procore-company-id=5358233",
                "mlconnector.connections.acme.procore-webhook-secret=hook-secret",
                "mlconnector.connections.zenith.freshbooks-account-id=ZZ9",
                "mlconnector.connections.zenith.freshbooks-business-id=77",
                "mlconnector.connections.zenith.freshbooks-refresh-token=rt-2",
                "mlconnector.connections.zenith.procore-company-id=99",
                "mlconnector.connections.zenith.procore-webhook-secret=other",
                "mlconnector.connections.zenith.dry-run=true").run(context -> {
                    MlConnector connector = context.getBean(MlConnector.class);
                    assertThat(connector.connectionIds()).containsExactlyInAnyOrder("acme", "zenith");
                    assertThat(connector.freshBooks("acme").accountId()).isEqualTo("6BApk");
                    assertThat(connector.engine().connection("zenith").policy().dryRun()).isTrue();
                    assertThat(connector.engine().connection("acme").policy().dryRun()).isFalse();
                });
    }

    @Test
    void missingOrBrokenSettings_failTheStart_namingTheProperty() {
        runner.withPropertyValues(withoutKey()).run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("mlconnector.credential-key"));
        runner.withPropertyValues(REQUIRED).withPropertyValues("mlconnector.credential-key=c2hvcnQ=").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("mlconnector.credential-key must be a base64 AES-256 key"));
        runner.withPropertyValues(REQUIRED).withPropertyValues("mlconnector.procore.client-secret=").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("mlconnector.procore.client-secret"));
        runner.withPropertyValues(REQUIRED).withPropertyValues(
                "mlconnector.connections.acme.freshbooks-account-id=6BApk",
                "mlconnector.connections.acme.freshbooks-business-id=6543",
                "mlconnector.connections.acme.procore-company-id=5358233").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("mlconnector.connections.acme.procore-webhook-secret"));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MlConnectorAutoConfiguration.class))
                .withPropertyValues(REQUIRED).run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("dataSource"));
    }

    @Test
    void enabledFalse_configuresNothing() {
        runner.withPropertyValues("mlconnector.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(MlConnector.class)
                        .doesNotHaveBean(MlConnectorLifecycle.class));
    }

    static String[] withoutKey() {
        return java.util.Arrays.stream(REQUIRED).filter(p -> !p.startsWith("mlconnector.credential-key"))
                .toArray(String[]::new);
    }

    static List<String> tables(DataSource dataSource) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnParts {
        static final List<String> customized = new java.util.concurrent.CopyOnWriteArrayList<>();
        final FreshBooksApp app = FreshBooksApp.of("own-client", "own-secret", "https://erp.example/cb");

        OwnParts() {
            customized.clear();
        }

        @Bean
        FreshBooksApp ownFreshBooksApp() {
            return app;
        }

        @Bean
        MappingStore ownMappings() {
            return new InMemoryMappingStore();
        }

        @Bean
        SyncPolicy ownPolicy() {
            return SyncPolicy.defaults().toBuilder().pollInterval(Duration.ofMinutes(17)).build();
        }

        @Bean
        @Order(2)
        MlConnectorCustomizer second() {
            return b -> customized.add("second");
        }

        @Bean
        @Order(1)
        MlConnectorCustomizer first() {
            return b -> customized.add("first");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnKeys {
        final KeyProvider keys = StaticKeyProvider.of(EncryptionKey.aes256("vault-7", new byte[32]));

        @Bean
        KeyProvider ownKeys() {
            return keys;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnConnector {
        static MlConnector connector;

        @Bean(destroyMethod = "close")
        MlConnector ownConnector(DataSource dataSource) {
            connector = MlConnector.builder().dataSource(dataSource)
                    .keys(StaticKeyProvider.of(EncryptionKey.aes256("k", new byte[32])))
                    .freshBooks(FreshBooksApp.of("a", "b", "https://erp.example/cb"))
                    .procore(ProcoreServiceAccount.of("c", "d")).build();
            return connector;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AppScheduler {
        @Bean
        ThreadPoolTaskScheduler taskScheduler() {
            ThreadPoolTaskScheduler s = new ThreadPoolTaskScheduler();
            s.setPoolSize(2);
            return s;
        }
    }
}

package io.mlconnector.spring.boot;

import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.KeyProvider;
import io.mlconnector.core.auth.StaticKeyProvider;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.runtime.ConnectionSettings;
import io.mlconnector.runtime.FreshBooksApp;
import io.mlconnector.runtime.MlConnector;
import io.mlconnector.runtime.ProcoreServiceAccount;
import java.util.Base64;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The connector from {@code mlconnector.*} properties ({@link MlConnectorProperties}): an {@link MlConnector} on the
 * app's {@link DataSource} (schema migrated when it is built), its {@link KeyProvider}, {@link FreshBooksApp},
 * {@link ProcoreServiceAccount} and default {@link SyncPolicy}, the connections named in the properties, and the
 * {@link MlConnectorLifecycle} that starts and stops it with the context. Every bean backs off when the app defines
 * one of the same type; store beans of the app ({@link MappingStore}, {@link SyncStateStore}, {@link CredentialStore},
 * {@link AuditSink}) replace the JDBC ones, and {@link MlConnectorCustomizer} beans adjust the builder last. Off with
 * {@code mlconnector.enabled=false}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnProperty(prefix = "mlconnector", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(MlConnectorProperties.class)
public class MlConnectorAutoConfiguration {
    /** Creates the auto-configuration (Spring calls it). */
    public MlConnectorAutoConfiguration() {
    }

    /**
     * The connector and its parts, unless the app defines its own {@link MlConnector} (then none of them is made:
     * the app's connector has its own).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(MlConnector.class)
    public static class ConnectorConfiguration {
        /** Creates the configuration (Spring calls it). */
        public ConnectorConfiguration() {
        }

        /**
         * The key that encrypts stored credentials, from {@code mlconnector.credential-key}.
         *
         * @param properties the bound properties
         * @return a key provider with that one key
         * @throws ConfigurationException when the key is missing or not a base64 AES-256 key
         */
        @Bean
        @ConditionalOnMissingBean
        public KeyProvider mlConnectorKeyProvider(MlConnectorProperties properties) {
            String key = properties.credentialKey();
            if (key == null || key.isBlank()) {
                throw new ConfigurationException("set mlconnector.credential-key (a base64 AES-256 key, 32 bytes, that "
                        + "encrypts stored credentials) or define a KeyProvider bean");
            }
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(key.strip());
            } catch (IllegalArgumentException e) {
                raw = new byte[0];
            }
            if (raw.length != 32) {
                throw new ConfigurationException("mlconnector.credential-key must be a base64 AES-256 key (32 bytes)");
            }
            return StaticKeyProvider.of(EncryptionKey.aes256(properties.credentialKeyId(), raw));
        }

        /**
         * The FreshBooks app from {@code mlconnector.freshbooks.*}.
         *
         * @param properties the bound properties
         * @return the app
         * @throws ConfigurationException when the client id, secret or redirect URI is missing
         */
        @Bean
        @ConditionalOnMissingBean
        public FreshBooksApp mlConnectorFreshBooksApp(MlConnectorProperties properties) {
            MlConnectorProperties.FreshBooks fb = properties.freshbooks();
            require(fb.clientId(), "mlconnector.freshbooks.client-id");
            require(fb.clientSecret(), "mlconnector.freshbooks.client-secret");
            require(fb.redirectUri(), "mlconnector.freshbooks.redirect-uri");
            return new FreshBooksApp(fb.clientId(), fb.clientSecret(), fb.redirectUri(), fb.apiBaseUrl(),
                    fb.authBaseUrl());
        }

        /**
         * The Procore service account from {@code mlconnector.procore.*}.
         *
         * @param properties the bound properties
         * @return the service account
         * @throws ConfigurationException when the client id or secret is missing
         */
        @Bean
        @ConditionalOnMissingBean
        public ProcoreServiceAccount mlConnectorProcoreServiceAccount(MlConnectorProperties properties) {
            MlConnectorProperties.Procore pc = properties.procore();
            require(pc.clientId(), "mlconnector.procore.client-id");
            require(pc.clientSecret(), "mlconnector.procore.client-secret");
            return new ProcoreServiceAccount(pc.clientId(), pc.clientSecret(), pc.apiBaseUrl(), pc.loginBaseUrl());
        }

        /**
         * The default policy of every connection, from {@code mlconnector.policy.*}.
         *
         * @param properties the bound properties
         * @return the policy
         */
        @Bean
        @ConditionalOnMissingBean
        public SyncPolicy mlConnectorPolicy(MlConnectorProperties properties) {
            return properties.policy().applyTo(SyncPolicy.defaults());
        }

        /**
         * The connector: the JDBC stores on the app's data source (unless the app defines its own stores), the key
         * provider, both apps' settings and the policy; then the customizers; then the connections of the properties.
         *
         * @param properties  the bound properties
         * @param dataSource  the app's data source, if it has one
         * @param keys        the credential key provider
         * @param freshBooks  the FreshBooks app
         * @param procore     the Procore service account
         * @param policy      the default policy
         * @param mappings    the app's own mapping store, if any
         * @param state       the app's own state store, if any
         * @param credentials the app's own (raw) credential store, if any
         * @param audit       the app's own audit sink, if any
         * @param customizers the builder customizers, in order
         * @return the connector, not started ({@link MlConnectorLifecycle} starts it)
         * @throws ConfigurationException when neither a data source nor the app's own stores are there, or a connection
         *                                of the properties is incomplete
         */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        public MlConnector mlConnector(MlConnectorProperties properties, ObjectProvider<DataSource> dataSource,
                                       KeyProvider keys, FreshBooksApp freshBooks, ProcoreServiceAccount procore,
                                       SyncPolicy policy, ObjectProvider<MappingStore> mappings,
                                       ObjectProvider<SyncStateStore> state,
                                       ObjectProvider<CredentialStore> credentials, ObjectProvider<AuditSink> audit,
                                       ObjectProvider<MlConnectorCustomizer> customizers) {
            MlConnector.Builder b = MlConnector.builder().keys(keys).freshBooks(freshBooks).procore(procore)
                    .policy(policy).tablePrefix(properties.tablePrefix());
            dataSource.ifUnique(b::dataSource);
            mappings.ifUnique(b::mappingStore);
            state.ifUnique(b::stateStore);
            credentials.ifUnique(b::credentialStore);
            audit.ifUnique(b::auditSink);
            if (properties.nodeId() != null && !properties.nodeId().isBlank()) {
                b.nodeId(properties.nodeId());
            }
            customizers.orderedStream().forEach(c -> c.customize(b));
            MlConnector connector = b.build();
            try {
                new TreeMap<>(properties.connections()).forEach((id, c) -> connector.addConnection(settings(id, c,
                        policy)));
            } catch (RuntimeException e) {
                connector.close();
                throw e;
            }
            return connector;
        }
    }

    /**
     * Starts and stops the connector with the context, on the app's {@link ThreadPoolTaskScheduler} when it has
     * exactly one, else on the connector's own threads.
     *
     * @param connector the connector
     * @param scheduler the app's task scheduler, if any
     * @return the lifecycle
     */
    @Bean
    @ConditionalOnMissingBean
    public MlConnectorLifecycle mlConnectorLifecycle(MlConnector connector,
                                                     ObjectProvider<ThreadPoolTaskScheduler> scheduler) {
        return new MlConnectorLifecycle(connector, () -> {
            ThreadPoolTaskScheduler s = scheduler.getIfUnique();
            return s == null ? null : s.getScheduledExecutor();
        });
    }

    static ConnectionSettings settings(String id, MlConnectorProperties.Connection c, SyncPolicy policy) {
        String where = "mlconnector.connections." + id + ".";
        require(c.freshbooksAccountId(), where + "freshbooks-account-id");
        require(c.procoreWebhookSecret(), where + "procore-webhook-secret");
        ConnectionSettings.Builder s = ConnectionSettings.builder(id)
                .freshBooksAccount(c.freshbooksAccountId(), c.freshbooksBusinessId())
                .freshBooksRefreshToken(blankToNull(c.freshbooksRefreshToken()))
                .freshBooksCallbackVerifier(blankToNull(c.freshbooksCallbackVerifier()))
                .procoreCompany(c.procoreCompanyId()).procoreWebhookSecret(c.procoreWebhookSecret());
        if (c.dryRun() != null) {
            s.policy(policy.toBuilder().dryRun(c.dryRun()).build());
        }
        return s.build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("set " + property);
        }
    }
}

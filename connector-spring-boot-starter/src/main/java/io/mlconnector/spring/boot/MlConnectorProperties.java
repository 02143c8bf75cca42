package io.mlconnector.spring.boot;

import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.sync.MonthEndSchedule;
import io.mlconnector.core.sync.SyncPolicy;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code mlconnector.*} settings of the auto-configured connector. Required: {@code mlconnector.credential-key},
 * the FreshBooks app ({@code mlconnector.freshbooks.client-id}, {@code client-secret}, {@code redirect-uri}) and the
 * Procore service account ({@code mlconnector.procore.client-id}, {@code client-secret}); the stores use the app's
 * {@code DataSource}.
 *
 * @param enabled         whether the connector is auto-configured at all
 * @param credentialKey   the AES-256 key (32 bytes, base64) that encrypts every stored credential (OAuth grants,
 *                        callback verifiers); keep it in a secret store, never in a committed file
 * @param credentialKeyId the id stored beside each credential encrypted with the credential key (change it with the
 *                        key; credentials encrypted with a retired key need a KeyProvider bean of your own)
 * @param tablePrefix     prefix of the connector's tables in the app's database (created and migrated at start)
 * @param nodeId          this instance's id, owner of its leases (default: random per start); unique per instance
 * @param freshbooks      the app's FreshBooks app, as registered in the FreshBooks developer portal
 * @param procore         the app's Procore service account (client credentials)
 * @param policy          the default policy of every connection
 * @param webhooks        the webhook endpoints (servlet web applications only)
 * @param console         the operator console (servlet web applications only; mounted once its token is set)
 * @param connections     contractors' connections configured here, by connection id (others are added at run time
 *                        with MlConnector.addConnection)
 */
@ConfigurationProperties(prefix = "mlconnector")
public record MlConnectorProperties(@DefaultValue("true") boolean enabled, String credentialKey,
                                    @DefaultValue("k1") String credentialKeyId,
                                    @DefaultValue("mlc_") String tablePrefix, String nodeId,
                                    @DefaultValue FreshBooks freshbooks, @DefaultValue Procore procore,
                                    @DefaultValue Policy policy, @DefaultValue Webhooks webhooks,
                                    @DefaultValue Console console, Map<String, Connection> connections) {
    /**
     * Binds the settings; absent connections become an empty map.
     *
     * @param enabled whether the connector is auto-configured at all
     * @param credentialKey the AES-256 key (32 bytes, base64) that encrypts every stored credential
     * @param credentialKeyId the id stored beside each credential encrypted with {@code credential-key}
     * @param tablePrefix prefix of the connector's tables in the app's database
     * @param nodeId this instance's id, owner of its leases (default: random per start)
     * @param freshbooks the app's FreshBooks app
     * @param procore the app's Procore service account
     * @param policy the default policy of every connection
     * @param webhooks the webhook endpoints
     * @param console the operator console
     * @param connections contractors' connections configured here, by connection id
     */
    public MlConnectorProperties {
        connections = connections == null ? Map.of() : Map.copyOf(connections);
    }

    @Override
    public String toString() {
        return "MlConnectorProperties[enabled=" + enabled + ", tablePrefix=" + tablePrefix + ", freshbooks="
                + freshbooks + ", procore=" + procore + ", connections=" + connections.keySet() + "]";
    }

    /**
     * The host's FreshBooks app ({@code mlconnector.freshbooks.*}).
     *
     * @param clientId     the app's client id
     * @param clientSecret the app's client secret
     * @param redirectUri  the redirect URI registered for the app (where contractors' authorization codes arrive)
     * @param apiBaseUrl   the FreshBooks API host, also serving the token endpoint (change it only for a sandbox)
     * @param authBaseUrl  the host of FreshBooks' browser authorization page (change it only for a sandbox)
     */
    public record FreshBooks(String clientId, String clientSecret, String redirectUri,
                             @DefaultValue("https://api.freshbooks.com") String apiBaseUrl,
                             @DefaultValue("https://auth.freshbooks.com") String authBaseUrl) {
        @Override
        public String toString() {
            return "FreshBooks[clientId=" + clientId + ", api=" + apiBaseUrl + "]";
        }
    }

    /**
     * The host's Procore service account ({@code mlconnector.procore.*}).
     *
     * @param clientId     the app's client id
     * @param clientSecret the app's client secret
     * @param apiBaseUrl   the Procore API host (change it for Procore's sandbox environment or a local one)
     * @param loginBaseUrl the Procore login host serving the token endpoint
     */
    public record Procore(String clientId, String clientSecret,
                          @DefaultValue("https://api.procore.com") String apiBaseUrl,
                          @DefaultValue("https://login.procore.com") String loginBaseUrl) {
        @Override
        public String toString() {
            return "Procore[clientId=" + clientId + ", api=" + apiBaseUrl + "]";
        }
    }

    /**
     * The default policy of every connection ({@code mlconnector.policy.*}); the defaults are
     * {@link SyncPolicy#defaults()}'s.
     *
     * @param dryRun                 compute and preview what would be posted, post nothing
     * @param pollInterval           time between two polls of a stream
     * @param pollOverlap            how far before the stored cursor each poll starts again
     * @param initialLookback        where a stream with no cursor starts, measured back from now
     * @param maxAttempts            failed attempts before a work item is dead-lettered
     * @param backoffBase            delay after the first failure of a work item; doubles per attempt
     * @param backoffMax             longest delay between two attempts
     * @param leaseDuration          how long a claimed work item or poll stream stays with one instance
     * @param batchSize              work items claimed per worker pass
     * @param workerInterval         time between two worker passes (webhooks also wake the workers at once)
     * @param enabledStreams         the streams polled on both sides (default: every stream that leads to a write)
     * @param streamFailureThreshold consecutive failed polls after which a stream is reported failing (health
     *                               DEGRADED)
     * @param monthEnd               when the month-end reconciliation runs by itself
     *                               ({@code mlconnector.policy.month-end.*})
     */
    public record Policy(@DefaultValue("false") boolean dryRun, @DefaultValue("5m") Duration pollInterval,
                         @DefaultValue("2d") Duration pollOverlap, @DefaultValue("30d") Duration initialLookback,
                         @DefaultValue("8") int maxAttempts, @DefaultValue("2s") Duration backoffBase,
                         @DefaultValue("1h") Duration backoffMax, @DefaultValue("2m") Duration leaseDuration,
                         @DefaultValue("25") int batchSize, @DefaultValue("1s") Duration workerInterval,
                         Set<SourceStream> enabledStreams, @DefaultValue("3") int streamFailureThreshold,
                         @DefaultValue MonthEnd monthEnd) {
        /**
         * Binds the policy; no streams named means every stream that leads to a write.
         *
         * @param dryRun compute and preview what would be posted, post nothing
         * @param pollInterval time between two polls of a stream
         * @param pollOverlap how far before the stored cursor each poll starts again
         * @param initialLookback where a stream with no cursor starts, measured back from now
         * @param maxAttempts failed attempts before a work item is dead-lettered
         * @param backoffBase delay after the first failure of a work item; doubles per attempt
         * @param backoffMax longest delay between two attempts
         * @param leaseDuration how long a claimed work item or poll stream stays with one instance
         * @param batchSize work items claimed per worker pass
         * @param workerInterval time between two worker passes
         * @param enabledStreams the streams polled on both sides
         * @param streamFailureThreshold consecutive failed polls after which a stream is reported failing
         * @param monthEnd when the month-end reconciliation runs by itself
         */
        public Policy {
            enabledStreams = enabledStreams == null || enabledStreams.isEmpty() ? SyncPolicy.ALL_STREAMS
                    : Set.copyOf(enabledStreams);
        }

        /**
         * This policy applied to {@code base} (alignment and handshake settings stay {@code base}'s).
         *
         * @param base the policy whose other settings are kept
         * @return the engine's policy
         * @throws IllegalArgumentException when a value is out of range (e.g. a zero interval)
         */
        public SyncPolicy applyTo(SyncPolicy base) {
            return base.toBuilder().dryRun(dryRun).pollInterval(pollInterval).pollOverlap(pollOverlap)
                    .initialLookback(initialLookback).maxAttempts(maxAttempts).backoffBase(backoffBase)
                    .backoffMax(backoffMax).leaseDuration(leaseDuration).batchSize(batchSize)
                    .workerInterval(workerInterval).enabledStreams(enabledStreams)
                    .streamFailureThreshold(streamFailureThreshold).monthEnd(monthEnd == null
                            ? MonthEndSchedule.defaults() : monthEnd.toSchedule()).build();
        }
    }

    /**
     * When the engine makes each connection's month-end reconciliation by itself and keeps the report
     * ({@code mlconnector.policy.month-end.*}); the defaults are {@link MonthEndSchedule#defaults()}'s.
     *
     * @param enabled    whether the month-end reconciliation runs by itself
     * @param dayOfMonth the day of the following month it is due (1 to 28)
     * @param time       the time of day it is due, in {@code zone}
     * @param zone       the time zone of the books ({@code Z} is UTC; region ids such as {@code America/New_York})
     * @param retryDelay the wait after a run that could not read a system
     */
    public record MonthEnd(@DefaultValue("true") boolean enabled, @DefaultValue("1") int dayOfMonth,
                           @DefaultValue("12:00") LocalTime time, @DefaultValue("Z") ZoneId zone,
                           @DefaultValue("15m") Duration retryDelay) {
        /**
         * The engine's schedule.
         *
         * @return the schedule these properties describe
         * @throws IllegalArgumentException when the day is not 1 to 28
         */
        public MonthEndSchedule toSchedule() {
            return new MonthEndSchedule(enabled, dayOfMonth, time, zone, retryDelay);
        }
    }

    /**
     * The webhook endpoints ({@code mlconnector.webhooks.*}), served in servlet web applications (Spring MVC).
     *
     * @param enabled        whether the endpoints are served
     * @param freshbooksPath the path FreshBooks callbacks are registered with (POST)
     * @param procorePath    the path Procore hooks are created with (POST)
     * @param maxBodySize    bodies larger than this are answered 413 without being read further
     */
    public record Webhooks(@DefaultValue("true") boolean enabled,
                           @DefaultValue("/webhooks/freshbooks") String freshbooksPath,
                           @DefaultValue("/webhooks/procore") String procorePath,
                           @DefaultValue("256KB") DataSize maxBodySize) {
    }

    /**
     * The operator console ({@code mlconnector.console.*}): flagged records with their reasons, unmapped vendors,
     * projects and GL accounts with suggestions, replay, stream health and month-end reconciliation, served from the
     * jar. Mounted in servlet web applications once {@code token} is set.
     *
     * @param enabled      whether the console is served (it also needs the token)
     * @param path         where the console is mounted; its page is at this path with a trailing slash
     * @param token        the operator token (at least 24 characters) that the console's API requires as a Bearer
     *                     token; the page asks the operator for it
     * @param loopbackOnly serve only clients on this machine addressing localhost; turn off only when the app
     *                     authenticates operators itself (e.g. Spring Security in front of the console path)
     */
    public record Console(@DefaultValue("true") boolean enabled, @DefaultValue("/console") String path, String token,
                          @DefaultValue("true") boolean loopbackOnly) {
        @Override
        public String toString() {
            return "Console[enabled=" + enabled + ", path=" + path + ", loopbackOnly=" + loopbackOnly + "]";
        }
    }

    /**
     * One contractor's connection configured in properties ({@code mlconnector.connections.<id>.*}); added when the
     * connector is built. Its FreshBooks grant comes from the credential store (a restart) or, the first time, from
     * {@code freshbooks-refresh-token}.
     *
     * @param freshbooksAccountId        the FreshBooks account id (FreshBooks webhooks route by it)
     * @param freshbooksBusinessId       the FreshBooks business id
     * @param freshbooksRefreshToken     a refresh token to seed the FreshBooks grant from (used only while none is
     *                                   stored; remove it once the connection ran)
     * @param freshbooksCallbackVerifier a FreshBooks callback verifier known already (confirmed handshakes add
     *                                   theirs)
     * @param procoreCompanyId           the Procore company id (Procore webhooks route by it)
     * @param procoreWebhookSecret       the secret the connection's Procore hooks send in their Authorization header
     * @param dryRun                     this connection only previews what it would post (default: the policy's)
     */
    public record Connection(String freshbooksAccountId, long freshbooksBusinessId, String freshbooksRefreshToken,
                             String freshbooksCallbackVerifier, long procoreCompanyId, String procoreWebhookSecret,
                             Boolean dryRun) {
        @Override
        public String toString() {
            return "Connection[freshbooks account " + freshbooksAccountId + ", procore company " + procoreCompanyId
                    + "]";
        }
    }
}

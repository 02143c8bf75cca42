package io.mlconnector.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.runtime.MlConnector;
import io.mlconnector.spring.boot.MlConnectorAutoConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The webhook routes: the exact bytes and every header reach the connector, its answer goes back as it is, paths
 * come from the properties, bodies over the limit stop at 413, and nothing is served outside a servlet web app.
 */
class MlConnectorWebhookAutoConfigurationTest {
    /** A form body whose bytes a decode and re-encode would change ({@code %7e}, {@code +}, order). */
    private static final byte[] FORM = "object_id=5&name=bill.create&note=a%7eb+c&account_id=6BApk"
            .getBytes(StandardCharsets.US_ASCII);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MlConnectorAutoConfiguration.class,
                    MlConnectorWebhookAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    DispatcherServletAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class))
            .withUserConfiguration(MockConnector.class);

    @Test
    void theFreshBooksRoute_passesTheRawBytesAndEveryHeader_andAnswersWithTheEnginesResponseAsItIs() {
        web.run(context -> {
            MlConnector connector = context.getBean(MlConnector.class);
            when(connector.onFreshBooksWebhook(any())).thenReturn(new WebhookResponse(202, "{\"status\":\"x\"}"));

            mvc(context).perform(post("/webhooks/freshbooks").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .header("X-FreshBooks-Hmac-SHA256", "c2lnbmF0dXJl").header("X-Multi", "one", "two")
                            .content(FORM))
                    .andExpect(status().isAccepted()).andExpect(content().string("{\"status\":\"x\"}"))
                    .andExpect(content().contentType(MediaType.APPLICATION_JSON));

            ArgumentCaptor<WebhookRequest> seen = ArgumentCaptor.forClass(WebhookRequest.class);
            verify(connector).onFreshBooksWebhook(seen.capture());
            assertThat(seen.getValue().body()).isEqualTo(FORM);
            assertThat(seen.getValue().header("x-freshbooks-hmac-sha256")).contains("c2lnbmF0dXJl");
            assertThat(seen.getValue().headers().get("X-Multi")).isEqualTo(List.of("one", "two"));
            verify(connector, never()).onProcoreWebhook(any());
        });
    }

    @Test
    void theProcoreRoute_goesToTheProcoreIntake() {
        web.run(context -> {
            MlConnector connector = context.getBean(MlConnector.class);
            when(connector.onProcoreWebhook(any())).thenReturn(new WebhookResponse(401, "{\"error\":\"no\"}"));

            mvc(context).perform(post("/webhooks/procore").contentType(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Bearer s").content("{\"id\":1}"))
                    .andExpect(status().isUnauthorized()).andExpect(content().string("{\"error\":\"no\"}"));
            verify(connector).onProcoreWebhook(any());
        });
    }

    @Test
    void pathsAndLimit_comeFromTheProperties() {
        web.withPropertyValues("mlconnector.webhooks.freshbooks-path=/erp/hooks/fb",
                "mlconnector.webhooks.procore-path=/erp/hooks/pc", "mlconnector.webhooks.max-body-size=16B")
                .run(context -> {
                    MlConnector connector = context.getBean(MlConnector.class);
                    when(connector.onFreshBooksWebhook(any())).thenReturn(new WebhookResponse(200, "{}"));
                    MockMvc mvc = mvc(context);
                    mvc.perform(post("/erp/hooks/fb").content("short=1")).andExpect(status().isOk());
                    mvc.perform(post("/webhooks/freshbooks").content("short=1")).andExpect(status().isNotFound());
                    mvc.perform(post("/erp/hooks/pc").content("a body longer than sixteen bytes"))
                            .andExpect(status().isPayloadTooLarge())
                            .andExpect(content().string("{\"error\":\"body_too_large\"}"));
                    verify(connector, never()).onProcoreWebhook(any());
                });
    }

    @Test
    void anIntakeThatThrows_isAnswered500() {
        web.run(context -> {
            MlConnector connector = context.getBean(MlConnector.class);
            when(connector.onProcoreWebhook(any())).thenThrow(new IllegalStateException("store down"));
            mvc(context).perform(post("/webhooks/procore").content("{}"))
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().string("{\"error\":\"intake_failed\"}"));
        });
    }

    @Test
    void notServed_outsideAServletWebApp_orWhenDisabled() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MlConnectorAutoConfiguration.class,
                MlConnectorWebhookAutoConfiguration.class)).withUserConfiguration(MockConnector.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mlConnectorWebhookRoutes"));
        web.withPropertyValues("mlconnector.webhooks.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mlConnectorWebhookRoutes"));
    }

    private static MockMvc mvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).build();
    }

    /** The app's own connector (a mock), which the routes must use. */
    @Configuration(proxyBeanMethods = false)
    static class MockConnector {
        @Bean
        MlConnector mockConnector() {
            return mock(MlConnector.class);
        }
    }
}

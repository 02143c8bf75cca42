package io.mlconnector.spring.boot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mlconnector.console.OperatorConsole;
import io.mlconnector.spring.boot.MlConnectorAutoConfiguration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The operator console mounted by the starter: page and assets under {@code /console/}, the JSON API behind the
 * operator token, the mount point redirected, path configurable; not mounted without a token, when disabled, or
 * without connector-console.
 */
class MlConnectorConsoleAutoConfigurationTest {
    private static final String TOKEN = "operator-token-0123456789-abcdef";

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    MlConnectorAutoConfiguration.class, MlConnectorConsoleAutoConfiguration.class,
                    WebMvcAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class))
            .withPropertyValues("spring.datasource.generate-unique-name=true",
                    "mlconnector.credential-key=" + Base64.getEncoder().encodeToString(new byte[32]),
                    "mlconnector.freshbooks.client-id=fb", "mlconnector.freshbooks.client-secret=fb-secret",
                    "mlconnector.freshbooks.redirect-uri=https://erp.example/cb",
                    "mlconnector.procore.client-id=pc", "mlconnector.procore.client-secret=pc-secret");

    @Test
    void theConsole_servesItsPage_andItsApiWithTheToken() {
        web.withPropertyValues("mlconnector.console.token=" + TOKEN).run(context -> {
            MockMvc mvc = mvc(context);
            mvc.perform(get("/console").header("Host", "localhost")).andExpect(status().isPermanentRedirect())
                    .andExpect(header().string("Location", "/console/"));
            mvc.perform(get("/console/").header("Host", "localhost")).andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/html")))
                    .andExpect(header().string("X-Frame-Options", "DENY"));
            mvc.perform(get("/console/api/connections").header("Host", "localhost"))
                    .andExpect(status().isUnauthorized());
            mvc.perform(get("/console/api/connections").header("Host", "localhost")
                            .header("Authorization", "Bearer " + TOKEN))
                    .andExpect(status().isOk()).andExpect(content().json("{\"connections\":[]}"));
            mvc.perform(get("/console/api/connections").header("Host", "erp.example.com")
                    .header("Authorization", "Bearer " + TOKEN)).andExpect(status().isForbidden());
        });
    }

    @Test
    void thePathAndTheLoopbackRule_comeFromTheProperties() {
        web.withPropertyValues("mlconnector.console.token=" + TOKEN, "mlconnector.console.path=/ops/sync",
                "mlconnector.console.loopback-only=false").run(context -> {
                    MockMvc mvc = mvc(context);
                    mvc.perform(get("/ops/sync/api/connections").header("Host", "erp.example.com")
                            .header("Authorization", "Bearer " + TOKEN)).andExpect(status().isOk());
                    mvc.perform(get("/console/")).andExpect(status().isNotFound());
                });
    }

    @Test
    void notMounted_withoutAToken_whenDisabled_orWithoutTheConsoleModule_andAShortTokenFailsTheStart() {
        web.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OperatorConsole.class)
                .doesNotHaveBean("mlConnectorConsoleRoutes"));
        web.withPropertyValues("mlconnector.console.token= ").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(OperatorConsole.class));
        web.withPropertyValues("mlconnector.console.token=" + TOKEN, "mlconnector.console.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OperatorConsole.class));
        web.withPropertyValues("mlconnector.console.token=" + TOKEN)
                .withClassLoader(new FilteredClassLoader(OperatorConsole.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mlConnectorConsoleRoutes"));
        web.withPropertyValues("mlconnector.console.token=short").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("at least 24"));
    }

    private static MockMvc mvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).build();
    }
}

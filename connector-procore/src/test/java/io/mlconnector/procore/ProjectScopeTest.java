package io.mlconnector.procore;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.port.InvalidProjectException;
import io.mlconnector.procore.resource.ListOptions;
import io.mlconnector.procore.scope.CompanyMismatchException;
import io.mlconnector.procore.support.WireMockProcore;
import io.mlconnector.procore.webhook.HookScope;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProjectScopeTest extends WireMockProcore {

    @Test
    void anotherCompany_failsBeforeAnyRequest_evenTheTokenRequest() {
        stubToken("tok-1", 5400);
        stubProjects();
        ProcoreClient c = client();
        ProjectRef foreign = new ProjectRef(999L, PROJECT);

        assertThatThrownBy(() -> c.requisitions().list(foreign, ListOptions.defaults(), null))
                .isInstanceOfSatisfying(CompanyMismatchException.class, e -> {
                    assertThat(e.expectedCompanyId()).isEqualTo(COMPANY);
                    assertThat(e.actualCompanyId()).isEqualTo(999L);
                    assertThat(e.project()).isEqualTo(foreign);
                });
        assertThatThrownBy(() -> c.directCosts().get(foreign, 5)).isInstanceOf(InvalidProjectException.class);
        assertThatThrownBy(() -> c.webhooks().listHooks(HookScope.project(foreign), "ml")).isInstanceOf(CompanyMismatchException.class);
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void nonPositiveIds_areRefusedByTheTypedRef() {
        assertThatThrownBy(() -> new ProjectRef(COMPANY, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProjectRef(-1, PROJECT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownProject_withAWarmCache_failsWithoutAnyRequest() {
        ProcoreClient c = warmClient();
        ProjectRef unknown = new ProjectRef(COMPANY, 777L);

        assertThatThrownBy(() -> c.commitments().listAll(unknown)).isInstanceOf(InvalidProjectException.class)
                .hasMessageContaining("777");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void unknownProject_triggersAtMostOneReloadPerInterval_andANewProjectIsFoundAfterIt() {
        ProcoreClient c = warmClient();
        ProjectRef later = new ProjectRef(COMPANY, 888L);
        clock.advance(Duration.ofMinutes(2)); // past the 1-minute refresh interval

        assertThatThrownBy(() -> c.validateProject(later)).isInstanceOf(InvalidProjectException.class);
        assertThatThrownBy(() -> c.validateProject(later)).isInstanceOf(InvalidProjectException.class);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/rest/v1.0/projects"))
                .withQueryParam("company_id", equalTo(String.valueOf(COMPANY)))
                .withQueryParam("filters[by_status]", equalTo("All"))
                .withQueryParam("per_page", equalTo("300")));

        stubProjects(888L);
        clock.advance(Duration.ofMinutes(2));
        c.validateProject(later);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/rest/v1.0/projects")));
    }

    @Test
    void theProjectList_isLoadedOnce_forManyValidations() {
        stubToken("tok-1", 5400);
        stubProjects(400L);
        ProcoreClient c = client();
        for (int i = 0; i < 50; i++) {
            c.validateProject(REF);
            c.validateProject(new ProjectRef(COMPANY, 400L));
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/rest/v1.0/projects")));
    }
}

package io.mlconnector.procore;

import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.mlconnector.procore.internal.json.ProcoreJson;
import io.mlconnector.procore.model.ProcoreVendor;
import io.mlconnector.procore.request.VendorInput;
import io.mlconnector.procore.support.WireMockProcore;
import io.mlconnector.procore.sync.SyncResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyncBatchTest extends WireMockProcore {
    private final ObjectMapper mapper = ProcoreJson.newObjectMapper();

    private List<Integer> batchSizes() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (LoggedRequest r : wm.findAll(patchRequestedFor(urlPathEqualTo("/rest/v1.0/vendors/sync")))) {
            JsonNode body = mapper.readTree(r.getBodyAsString());
            assertThat(body.get("company_id").asLong()).isEqualTo(COMPANY);
            sizes.add(body.get("updates").size());
        }
        return sizes;
    }

    @Test
    void moreThanAThousandItems_goInBatchesOfAtMostAThousand_andPartialFailuresAreReportedPerItem() throws Exception {
        ProcoreClient c = warmClient();
        wm.stubFor(patch(urlPathEqualTo("/rest/v1.0/vendors/sync")).willReturn(json(200, """
                {"entities": [{"id": 1, "name": "ok", "origin_id": "fb-v-ok"}],
                 "errors": [{"name": "dup", "origin_id": "fb-v-dup", "errors": {"origin_id": ["has already been taken"]}}]}""")));
        List<VendorInput> inputs = IntStream.range(0, 2500).mapToObj(i -> VendorInput.of("V" + i, "fb-v-" + i, null)).toList();

        SyncResult<ProcoreVendor> r = c.vendors().sync(inputs, 5000);

        assertThat(batchSizes()).containsExactly(1000, 1000, 500);
        assertThat(r.entities()).hasSize(3).extracting(ProcoreVendor::originId).containsOnly("fb-v-ok");
        assertThat(r.failures()).hasSize(3).allSatisfy(f -> {
            assertThat(f.originId()).isEqualTo("fb-v-dup");
            assertThat(f.message()).isEqualTo("origin_id: has already been taken");
        });
        assertThat(r.hasFailures()).isTrue();
    }

    @Test
    void smallerBatchSizes_areHonoured_andAnEmptyListSendsNothing() throws Exception {
        ProcoreClient c = warmClient();
        wm.stubFor(patch(urlPathEqualTo("/rest/v1.0/vendors/sync")).willReturn(json(200, "{\"entities\":[],\"errors\":[]}")));
        c.vendors().sync(IntStream.range(0, 7).mapToObj(i -> VendorInput.of("V" + i, "o" + i, null)).toList(), 3);
        assertThat(batchSizes()).containsExactly(3, 3, 1);
        wm.resetRequests();
        assertThat(c.vendors().sync(List.of(), 10).entities()).isEmpty();
        assertThat(batchSizes()).isEmpty();
    }
}

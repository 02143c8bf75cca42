package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.procore.http.UnexpectedResponseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ERP request as Procore's ERP Events Dictionary prints it: {@code request_name} plus {@code request_data} (an
 * object, or an array for {@code create_standard_cost_codes}); some examples show the whole record with
 * {@code id}, {@code company_id}, timestamps and {@code integration_app_name}. {@link #part} and {@link #parts} read the
 * documented payload members into this module's records, e.g. {@code part(m, "vendor", ProcoreVendor.class)},
 * {@code part(m, "commitment", CommitmentContract.class)}, {@code parts(m, "commitment_items", ContractLineItem.class)},
 * {@code part(m, "contract_payment", ContractPayment.class)}, {@code part(m, "payment_application",
 * PaymentApplication.class)}, {@code part(m, "direct_cost", DirectCost.class)}, {@code part(m, "change_order",
 * CommitmentChangeOrder.class)}, {@code parts(m, "change_order_items", ChangeOrderLineItem.class)},
 * {@code parts(m, "requisitions", Requisition.class)}.
 *
 * @param id                 request id, when shown
 * @param companyId          company, when shown
 * @param requestName        e.g. {@code create_vendor}
 * @param requestData        the payload as sent
 * @param createdAt          creation time, when shown
 * @param updatedAt          last change, when shown
 * @param integrationAppName the ERP integration, when shown
 */
public record ErpRequest(Long id, Long companyId, String requestName, JsonNode requestData, Instant createdAt,
                         Instant updatedAt, String integrationAppName) {

    /**
     * A member of {@code request_data} read as {@code type}, if present.
     *
     * @param mapper the JSON mapper to use
     * @param member the member
     * @param type the type
     * @param <T> the result type
     * @return a member of {@code request_data} read as {@code type}, if present
     */
    public <T> Optional<T> part(ObjectMapper mapper, String member, Class<T> type) {
        JsonNode n = requestData == null || !requestData.isObject() ? null : requestData.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        return Optional.of(convert(mapper, n, type));
    }

    /**
     * An array member of {@code request_data} read as a list; with {@code member == null}, {@code request_data}
     * itself when it is an array (as for standard cost codes).
     *
     * @param mapper the JSON mapper to use
     * @param member the member
     * @param type the type
     * @param <T> the result type
     * @return an array member of {@code request_data} read as a list
     */
    public <T> List<T> parts(ObjectMapper mapper, String member, Class<T> type) {
        JsonNode n = member == null ? requestData : requestData == null ? null : requestData.get(member);
        List<T> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            for (JsonNode e : n) {
                out.add(convert(mapper, e, type));
            }
        }
        return out;
    }

    private static <T> T convert(ObjectMapper mapper, JsonNode n, Class<T> type) {
        try {
            return mapper.treeToValue(n, type);
        } catch (Exception e) {
            throw new UnexpectedResponseException("cannot read ERP request data as " + type.getSimpleName(), e);
        }
    }
}

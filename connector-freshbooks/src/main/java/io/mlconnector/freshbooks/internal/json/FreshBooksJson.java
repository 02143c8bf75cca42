package io.mlconnector.freshbooks.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.mlconnector.core.http.ConnectorJson;
import io.mlconnector.core.model.Money;

/** The FreshBooks object mapper: core's {@link ConnectorJson} setup plus FreshBooks money reading and writing. */
public final class FreshBooksJson {
    private FreshBooksJson() {
    }

    /**
     * A new mapper; thread-safe once built, share one per client.
     *
     * @return a new mapper
     */
    public static ObjectMapper newObjectMapper() {
        ObjectMapper mapper = ConnectorJson.newObjectMapper();
        SimpleModule module = new SimpleModule("freshbooks");
        module.addDeserializer(Money.class, new MoneyDeserializer());
        module.addSerializer(Money.class, new MoneySerializer());
        mapper.registerModule(module);
        return mapper;
    }
}

package org.fwbench.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON side of expectations: a suite's {@code json} value as a tree and a response body parsed
 * strictly. Config's own mapper, so that reading suites does not depend on how results are written.
 */
final class JsonValues {

    /** Keys sorted, so that an expected value reads the same in every message. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** A body is one JSON value and nothing after it. */
    static final ObjectReader STRICT = MAPPER.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonValues() {
    }

    /** A suite's plain value (maps, lists, scalars) as a JSON tree. */
    static JsonNode tree(Object plain) {
        return MAPPER.valueToTree(plain);
    }
}

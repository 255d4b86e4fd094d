package org.fwbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fwbench.result.Json;
import org.junit.jupiter.api.Test;

class ScriptJsonTest {

    @Test
    void nothingInAStringCanEndOrBendAScriptElement() throws Exception {
        String nasty = "</script><script>alert(1)</script><!-- & \u2028\u2029 \"q\" \\";
        String json = ScriptJson.of(Map.of("name", nasty));
        assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029")
                .contains("\\u003C/script\\u003E", "\\u0026", "\\u2028", "\\u2029");
        assertThat(Json.MAPPER.readValue(json, Map.class)).containsEntry("name", nasty);
    }

    @Test
    void numbersAndListsAreUnchanged() {
        assertThat(ScriptJson.of(Map.of("v", List.of(1.5, 2)))).isEqualTo("{\"v\":[1.5,2]}");
    }
}

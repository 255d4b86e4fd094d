package org.fwbench.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One kind of request and what a correct answer to it is.
 *
 * @param path    request path, starting with {@code /}; may hold placeholders; a target may override it
 *                (see {@link TargetDef#pathFor})
 * @param headers request headers in file order
 * @param body    request body, "" for none
 * @param load    this scenario's load settings, between the suite's defaults and the command line
 * @param protocol what the scenario's requests are sent over, checked and loaded alike; it must fit every
 *                 target's transport (h2 over TLS, h2c in cleartext)
 */
public record ScenarioDef(String name, String method, String path, Map<String, String> headers, String body,
        Expect expect, LoadSettings load, HttpProtocol protocol) {

    public ScenarioDef {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        if (protocol == null) {
            throw new IllegalArgumentException("scenario '" + name + "' needs a protocol (HTTP_1_1 by default)");
        }
    }
}

package org.fwbench.targets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/** The bodies of {@code /plaintext}, {@code /json} and {@code /hello/{name}}, the same for every target. */
public final class Hello {

    public static final String PLAINTEXT = "Hello, World!";
    public static final String TEXT_PLAIN = "text/plain";
    public static final String APPLICATION_JSON = "application/json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Hello() {
    }

    /** The {@code /json} body; frameworks with a JSON library of their own serialise it with that. */
    public record Message(String message) {
        public static Message hello() {
            return new Message(PLAINTEXT);
        }
    }

    /** The UTF-8 bytes of a text body, for servers that write bytes. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String greeting(String name) {
        return "Hello " + name + "!";
    }

    /** The {@code /json} body serialised by Jackson per call, for frameworks without JSON support of their own. */
    public static byte[] jacksonJson() {
        try {
            return MAPPER.writeValueAsBytes(Message.hello());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a one-field record always serialises", e);
        }
    }
}

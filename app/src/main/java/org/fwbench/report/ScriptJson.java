package org.fwbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.fwbench.result.Json;

/**
 * JSON that can stand inside an HTML {@code <script>} element whatever strings it holds: {@code <}, {@code >}
 * and {@code &} are written as {@code \u003C}-style escapes (so no {@code </script>} or {@code <!--} can end
 * or bend the element), and so are U+2028 and U+2029, which older JavaScript parsers take for line breaks.
 */
final class ScriptJson {

    private static final ObjectWriter WRITER = Json.MAPPER.writer()
            .without(SerializationFeature.INDENT_OUTPUT)
            .with(new ScriptSafe());

    private ScriptJson() {
    }

    static String of(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write report data as JSON: " + e.getMessage(), e);
        }
    }

    private static final class ScriptSafe extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        private final int[] ascii;

        ScriptSafe() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028 -> LINE_SEPARATOR;
                case 0x2029 -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }
}

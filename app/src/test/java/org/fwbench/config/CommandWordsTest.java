package org.fwbench.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandWordsTest {

    @Test
    void splitsAsAShellSplitsWordsWithoutExpandingAnything() {
        assertThat(CommandWords.split("  python3 app.py   ${port} ")).containsExactly("python3", "app.py", "${port}");
        assertThat(CommandWords.split("uvicorn 'main:app' --port \"${port}\" --log-level=warning"))
                .containsExactly("uvicorn", "main:app", "--port", "${port}", "--log-level=warning");
        assertThat(CommandWords.split("echo 'a b'\"c d\"e\\ f")).containsExactly("echo", "a bc de f");
        assertThat(CommandWords.split("x \"say \\\"hi\\\" \\n\" '\\n' $HOME | *"))
                .as("backslash escapes only \" \\ $ ` in double quotes, nothing in single ones; no variables, pipes or globs")
                .containsExactly("x", "say \"hi\" \\n", "\\n", "$HOME", "|", "*");
        assertThat(CommandWords.split("a '' \"\"")).containsExactly("a", "", "");
        assertThat(CommandWords.split("   ")).isEmpty();
    }

    @Test
    void anUnclosedQuoteOrATrailingBackslashIsAnError() {
        assertThatThrownBy(() -> CommandWords.split("python3 'app.py")).hasMessage("unclosed ' in: python3 'app.py");
        assertThatThrownBy(() -> CommandWords.split("python3 \"app.py")).hasMessage("unclosed \" in: python3 \"app.py");
        assertThatThrownBy(() -> CommandWords.split("python3 \\")).hasMessage("a command cannot end with a backslash: python3 \\");
    }
}

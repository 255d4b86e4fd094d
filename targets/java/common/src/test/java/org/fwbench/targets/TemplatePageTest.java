package org.fwbench.targets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplatePageTest {

    private final TemplatePage page = TemplatePage.load();

    @Test
    void rendersTheLayoutTheFormAndEveryRowEscaped() {
        String html = page.render();

        assertThat(html).contains("<title>fwbench template</title>", "<select id=\"topic\" name=\"topic\">")
                .contains("<td>150</td><td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>")
                .contains("Tom &amp; Jerry&#39;s &quot;quotes&quot;")
                .doesNotContain("<script>");
        assertThat(html.split("<tr><td>", -1)).hasSize(301);
        assertThat(html.length()).isBetween(30_000, 36_000);
    }

    @Test
    void rendersAFreshPageOnEveryCall() {
        assertThat(page.render()).isNotSameAs(page.render()).isEqualTo(page.render());
    }
}

package org.fwbench.targets.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void treatsTheEnginesEntitySpellingsAsOne() {
        String jinja = "<td>Tom &amp; Jerry&#39;s &#34;quotes&#34;</td>";
        String django = "<td>Tom &amp; Jerry&#x27;s &quot;quotes&quot;</td>";
        String other = "<td>Tom &amp; Jerry&#X27;s &#x22;quotes&#X22;</td>";

        assertThat(Html.normalise(jinja)).isEqualTo(Html.normalise(django)).isEqualTo(Html.normalise(other))
                .isEqualTo("<td>Tom &amp; Jerry&#39;s &quot;quotes&quot;</td>");
    }

    @Test
    void dropsWhitespaceBetweenTagsAndCollapsesTheRest() {
        assertThat(Html.normalise("\n<ul>\n  <li>one   two</li>\n\n  <li>\tthree</li>\n</ul>\n"))
                .isEqualTo("<ul><li>one two</li><li> three</li></ul>");
    }

    @Test
    void keepsDifferencesThatAreNotWhitespace() {
        assertThat(Html.normalise("<td>&lt;script&gt;</td>")).isNotEqualTo(Html.normalise("<td><script></td>"));
    }
}

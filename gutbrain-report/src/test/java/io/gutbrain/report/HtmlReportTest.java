package io.gutbrain.report;

import io.gutbrain.result.Provenance;
import io.gutbrain.result.ResultTable;
import io.gutbrain.error.InputException;
import io.gutbrain.result.StepTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlReportTest {
    @TempDir Path tmp;

    static Figure smallFigure(String name) {
        return Figures.bars(FigureSpec.of(name, "Bars <" + name + ">").caption("caption & more"), List.of("a<b", "c&d"), new double[]{2, 1});
    }

    static ResultTable sampleTable() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{"s<1>", 3.25, 7L, true});
        rows.add(new Object[]{"s&2", Double.NaN, null, false});
        rows.add(new Object[]{"tab\there", 1e-7, 12L, null});
        return new ResultTable("alpha", List.of("sample", "shannon", "observed", "flag"), rows);
    }

    @Test
    void textIsEscapedEverywhere() {
        HtmlReport r = new HtmlReport("Study <script>alert(1)</script> & co").subtitle("sub \"quoted\" 'x'").methods("Para one <b>.\n\nPara two & three.");
        r.section("Results <1>").paragraph("x < y").note("n & m").subheading("<h>").figure(smallFigure("f1")).table(sampleTable(), "Alpha <per> sample");
        String html = r.html();
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>.").doesNotContain("<h>")
                .contains("Study &lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
                .contains("sub &quot;quoted&quot; &#39;x&#39;")
                .contains("<p>Para one &lt;b&gt;.</p>").contains("<p>Para two &amp; three.</p>")
                .contains("<h2>Results &lt;1&gt;</h2>")
                .contains("<td>s&lt;1&gt;</td>").contains("<td>s&amp;2</td>")
                .contains("Alpha &lt;per&gt; sample")
                .contains("Bars &lt;f1&gt;").contains("caption &amp; more");
    }

    @Test
    void tableDownloadIsADataUriHoldingTheTsv() {
        HtmlReport r = new HtmlReport("t");
        ResultTable t = sampleTable();
        r.section("s").table(t, "c");
        String html = r.html();
        Matcher m = Pattern.compile("download=\"alpha.tsv\" href=\"data:text/tab-separated-values;charset=utf-8;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        String tsv = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
        // written by hand from the rows above: NaN and null are NA, the tab inside text becomes a space
        assertThat(tsv).isEqualTo("sample\tshannon\tobserved\tflag\n"
                + "s<1>\t3.25\t7\ttrue\n"
                + "s&2\tNA\tNA\tfalse\n"
                + "tab here\t1.0E-7\t12\tNA\n");
        // display: 4 significant digits, NA for missing, numbers right-aligned
        assertThat(html).contains("<td class=\"n\">3.25</td>").contains("<td class=\"n\">1.000e-07</td>").contains("<td class=\"n\">NA</td>");
    }

    @Test
    void longTablesShowTheFirstRowsOnly() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++) rows.add(new Object[]{"f" + i, (long) i});
        HtmlReport r = new HtmlReport("t");
        r.section("s").table(new ResultTable("many", List.of("feature", "n"), rows), "c", 20);
        String html = r.html();
        assertThat(html).contains("Showing 20 of 250 rows.").contains("<td>f19</td>").doesNotContain("<td>f20</td>");
    }

    @Test
    void writesHtmlFiguresAndTablesAndNothingExternal() throws Exception {
        HtmlReport r = new HtmlReport("Report").simulatedData(true).methods("m");
        r.section("A").figure(smallFigure("f1")).table(sampleTable(), "c");
        r.section("B").figure(smallFigure("f2"));
        r.provenance(new Provenance("1.2.3", "gutbrain study x").seed(42).parameter("depth", 5000))
                .timings(List.of(new StepTiming("alpha", 1.5, false), new StepTiming("beta", 0.25, true)));
        Path out = tmp.resolve("study/report");
        Path html = r.write(out);
        assertThat(html).isEqualTo(out.toAbsolutePath().resolve("report.html"));
        for (String f : List.of("f1", "f2")) {
            Figure fig = smallFigure(f);
            Svg.parse(Files.readString(out.resolve("figures/" + f + ".svg")));
            assertThat(Svg.png(Files.readAllBytes(out.resolve("figures/" + f + ".png"))).getWidth()).isEqualTo(fig.width() * 2);
        }
        assertThat(Files.readString(out.resolve("tables/alpha.tsv"))).isEqualTo(sampleTable().toTsv());
        String page = Files.readString(html);
        assertThat(page).contains("Simulated data.").contains("Figure 2.").contains("gutbrain study x").contains("42").contains("depth")
                .contains("<td class=\"n\">1.75</td>"); // total of the timings
        // nothing is fetched: no src= attributes, and the only URLs are the SVG namespace
        assertThat(page).doesNotContain("src=");
        Matcher urls = Pattern.compile("https?://[^\"' <]+").matcher(page);
        while (urls.find()) assertThat(urls.group()).isEqualTo("http://www.w3.org/2000/svg");
        // no temporary folders are left next to the report
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("report");
        }
    }

    @Test
    void rewritingReplacesTheOldReport() throws Exception {
        Path out = tmp.resolve("report");
        HtmlReport first = new HtmlReport("first");
        first.section("s").figure(smallFigure("old"));
        first.write(out);
        HtmlReport second = new HtmlReport("second");
        second.section("s").figure(smallFigure("new"));
        second.write(out);
        assertThat(out.resolve("figures/old.svg")).doesNotExist();
        assertThat(out.resolve("figures/new.svg")).exists();
        assertThat(Files.readString(out.resolve("report.html"))).contains("<h1>second</h1>");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("report");
        }
    }

    @Test
    void refusesToReplaceAForeignFolderOrAFile() throws Exception {
        Path foreign = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(foreign.resolve("counts.tsv"), "x");
        assertThatThrownBy(() -> new HtmlReport("r").write(foreign)).isInstanceOf(InputException.class).hasMessageContaining("not replaced");
        assertThat(foreign.resolve("counts.tsv")).exists();
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> new HtmlReport("r").write(file)).isInstanceOf(InputException.class).hasMessageContaining("is a file");
        Files.createDirectories(tmp.resolve("empty"));
        new HtmlReport("r").write(tmp.resolve("empty"));
        assertThat(tmp.resolve("empty/report.html")).exists();
    }

    @Test
    void failedWriteLeavesNothing() throws Exception {
        Path parentIsFile = Files.writeString(tmp.resolve("notadir"), "x");
        HtmlReport r = new HtmlReport("r");
        r.section("s").figure(smallFigure("f"));
        assertThatThrownBy(() -> r.write(parentIsFile.resolve("report"))).isInstanceOf(InputException.class);
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("notadir");
        }
    }

    @Test
    void namesMustBeUnique() {
        HtmlReport r = new HtmlReport("r");
        HtmlReport.Section s = r.section("s").figure(smallFigure("f")).table(sampleTable(), "c");
        assertThatThrownBy(() -> s.figure(smallFigure("f"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.section("t").table(sampleTable(), "c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultTableValidates() {
        assertThatThrownBy(() -> new ResultTable("Alpha", List.of("a"), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResultTable("a", List.of("x", "X"), List.of())).isInstanceOf(IllegalArgumentException.class);
        List<Object[]> ragged = new ArrayList<>();
        ragged.add(new Object[]{1});
        assertThatThrownBy(() -> new ResultTable("a", List.of("x", "y"), ragged)).isInstanceOf(IllegalArgumentException.class);
        List<Object[]> odd = new ArrayList<>();
        odd.add(new Object[]{new Object()});
        assertThatThrownBy(() -> new ResultTable("a", List.of("x"), odd)).isInstanceOf(IllegalArgumentException.class);
    }
}

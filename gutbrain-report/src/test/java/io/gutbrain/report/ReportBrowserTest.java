package io.gutbrain.report;

import io.gutbrain.result.Provenance;
import io.gutbrain.result.ResultTable;
import io.gutbrain.result.StepTiming;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens a report with every figure type (peerj32 data) in headless Chromium and checks what a
 * reader would see: the page loads without console errors (the Content-Security-Policy would
 * log any attempt to fetch something), every figure's SVG is laid out with a non-zero size and
 * holds drawn shapes, and every table has its TSV download. Screenshots are kept as test
 * artifacts: {@code target/report-browser-test/screenshot-top.png} and {@code screenshot-full.png}.
 *
 * <p>Skipped when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is absent (Debian
 * packages chromium and chromium-driver); the driver path is given explicitly so Selenium
 * Manager never downloads anything.
 */
class ReportBrowserTest {
    static final Path OUT = Path.of("target/report-browser-test");

    static HeadlessChromium browser;
    static ChromeDriver driver;
    static Path reportFile;
    static int figureCount;
    static int tableCount;

    @BeforeAll
    static void buildAndOpen() throws Exception {
        assumeTrue(HeadlessChromium.available(), "chromium and chromedriver are not installed");
        reportFile = buildReport();
        browser = new HeadlessChromium(reportFile);
        driver = browser.driver;
    }

    /** Every figure type from peerj32, tables and a provenance appendix. */
    static Path buildReport() throws Exception {
        PeerjFigures p = new PeerjFigures();
        HtmlReport r = new HtmlReport("peerj32: probiotic LGG vs placebo").subtitle("Browser test report (Lahti et al. 2013, PeerJ 1:e32)")
                .simulatedData(false)
                .methods("Shannon diversity of the HITChip genus counts; Bray–Curtis dissimilarity of the raw counts; PCoA by classical scaling.\n\nEvery figure type of the report is drawn once.");
        List<Figure> figs = p.all();
        HtmlReport.Section a = r.section("Alpha diversity");
        a.paragraph("Shannon index per sample, by group and over time.").figure(figs.get(0)).figure(figs.get(1));
        List<Object[]> rows = new ArrayList<>();
        for (String id : p.table.sampleIds()) rows.add(new Object[]{id, p.group(id), p.alpha.value(id, "shannon"), (long) p.alpha.value(id, "observed_features")});
        a.table(new ResultTable("alpha", List.of("sample", "group", "shannon", "observed_features"), rows), "Alpha diversity per sample", 12);
        r.section("Beta diversity").figure(figs.get(2)).figure(figs.get(3));
        r.section("Rarefaction and depth").figure(figs.get(4)).figure(figs.get(8));
        HtmlReport.Section d = r.section("Differential abundance").note("Welch t-tests on log counts are a placeholder for the study's models.");
        d.figure(figs.get(5));
        PeerjFigures.Volcano v = p.volcanoData();
        List<Object[]> vrows = new ArrayList<>();
        for (int i = 0; i < v.names().length; i++) vrows.add(new Object[]{v.names()[i], v.effect()[i], v.q()[i]});
        vrows.sort(Comparator.comparingDouble(x -> (Double) x[2]));
        d.table(new ResultTable("genus_tests", List.of("genus", "difference", "q"), vrows), "Per-genus tests, smallest q first", 10);
        r.section("Composition").figure(figs.get(6)).figure(figs.get(7));
        r.section("Longitudinal").figure(figs.get(9)).figure(figs.get(10));
        figureCount = figs.size();
        tableCount = 2;
        Provenance prov = new Provenance("test", "gutbrain study peerj32").seed(7).parameter("metric", "shannon")
                .input("counts", PeerjFigures.resource("microbiome-interventions/peerj32/counts.tsv"))
                .input("metadata", PeerjFigures.resource("microbiome-interventions/peerj32/metadata.tsv"));
        r.provenance(prov).timings(List.of(new StepTiming("alpha", 0.12, false), new StepTiming("pcoa", 0.03, true)));
        Files.createDirectories(OUT);
        return r.write(OUT.resolve("report"));
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) browser.close();
    }

    @Test
    void pageLoadsWithoutConsoleErrors() {
        assertThat(driver.getTitle()).isEqualTo("peerj32: probiotic LGG vs placebo");
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    void everyFigureIsLaidOutAndDrawn() {
        List<Map<String, Object>> figs = browser.figures();
        assertThat(figs).hasSize(figureCount);
        HeadlessChromium.assertDrawn(figs);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTableHasItsTsvDownload() throws Exception {
        List<Map<String, Object>> links = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('a.download')).map(a => ({name: a.getAttribute('download'), href: a.href}));");
        assertThat(links).hasSize(tableCount);
        for (Map<String, Object> l : links) {
            String href = (String) l.get("href");
            assertThat(href).startsWith("data:text/tab-separated-values;charset=utf-8;base64,");
            String tsv = new String(Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1)), java.nio.charset.StandardCharsets.UTF_8);
            Path file = reportFile.getParent().resolve("tables").resolve((String) l.get("name"));
            assertThat(tsv).isEqualTo(Files.readString(file));
        }
    }

    @Test
    void screenshotsAreSaved() throws Exception {
        Files.write(OUT.resolve("screenshot-top.png"), driver.getScreenshotAs(OutputType.BYTES));
        // the whole page in one image, through the DevTools protocol (beyond the viewport)
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true, "format", "png"));
        byte[] full = Base64.getDecoder().decode((String) shot.get("data"));
        Files.write(OUT.resolve("screenshot-full.png"), full);
        assertThat(Svg.png(full).getHeight()).isGreaterThan(3000);
    }
}

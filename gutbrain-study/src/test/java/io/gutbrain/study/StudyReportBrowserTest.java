package io.gutbrain.study;

import io.gutbrain.report.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the report of a whole pipeline run (simulated 60-subject cohort) in headless Chromium:
 * no console errors, every figure written to {@code figures/} is in the page, laid out and
 * drawn. Skipped when chromium or chromedriver is not installed.
 */
class StudyReportBrowserTest {
    @Test
    void pipelineReportRendersInChromium(@TempDir Path dir) throws Exception {
        assumeTrue(HeadlessChromium.available(), "chromium and chromedriver are not installed");
        Study study = StudyFile.read(StudyPipelineTest.cohort(dir, "age"));
        StudyPipeline.Result r = StudyPipeline.run(study, dir.resolve("out"), new StudyPipeline.Options("test", "test", 2), StepListener.NONE);
        long svgFiles;
        try (Stream<Path> s = Files.list(r.report().getParent().resolve("figures"))) {
            svgFiles = s.filter(p -> p.toString().endsWith(".svg")).count();
        }
        try (HeadlessChromium browser = new HeadlessChromium(r.report())) {
            assertThat(browser.driver.getTitle()).isEqualTo("test-cohort: gutbrain study report");
            assertThat(browser.severeConsoleMessages()).isEmpty();
            List<Map<String, Object>> figs = browser.figures();
            assertThat(figs).hasSize((int) svgFiles);
            HeadlessChromium.assertDrawn(figs);
        }
    }
}

package io.gutbrain.report;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A headless Chromium (Debian packages chromium and chromium-driver) for the report browser
 * tests: opens a local HTML file with browser logging on, lists console errors and measures
 * every figure. The driver path is given explicitly so Selenium Manager never downloads anything.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** Held so the setting survives: Selenium warns it has no DevTools bindings for this Chromium; only the version-free CDP command is used. */
    static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    public final ChromeDriver driver;
    private final Path profile;

    /** True when both the browser and its driver are installed. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /** Starts the browser with a fresh profile and opens {@code file}. */
    public HeadlessChromium(Path file) throws Exception {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        CDP_LOG.setLevel(Level.SEVERE);
        profile = Files.createTempDirectory("gutbrain-chromium-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.get(file.toUri().toString());
    }

    /** Console messages of level SEVERE (errors, blocked fetches reported by the Content-Security-Policy). */
    public List<String> severeConsoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /**
     * Every {@code figure.fig} of the page: id, laid-out width/height (w, h), the drawing's own
     * extent (bw, bh from getBBox) and the number of drawn shapes (marks).
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> figures() {
        return (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('figure.fig')).map(f => {"
                        + " const s = f.querySelector('svg'); const r = s.getBoundingClientRect(); const b = s.getBBox();"
                        + " return {id: f.id, w: r.width, h: r.height, bw: b.width, bh: b.height,"
                        + "  marks: s.querySelectorAll('path, circle, rect, line, polyline, ellipse').length}; });");
    }

    /** Every figure has a laid-out size and a non-empty drawing with many shapes. */
    public static void assertDrawn(List<Map<String, Object>> figs) {
        for (Map<String, Object> f : figs) {
            assertThat(((Number) f.get("w")).doubleValue()).as("width of %s", f.get("id")).isGreaterThan(300);
            assertThat(((Number) f.get("h")).doubleValue()).as("height of %s", f.get("id")).isGreaterThan(150);
            // the drawing's own extent (getBBox) is non-empty: shapes were rendered, not just a canvas
            assertThat(((Number) f.get("bw")).doubleValue()).as("drawn width of %s", f.get("id")).isGreaterThan(100);
            assertThat(((Number) f.get("bh")).doubleValue()).as("drawn height of %s", f.get("id")).isGreaterThan(100);
            assertThat(((Number) f.get("marks")).intValue()).as("marks of %s", f.get("id")).isGreaterThan(20);
        }
    }

    @Override public void close() throws Exception {
        driver.quit();
        try (Stream<Path> s = Files.walk(profile)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}

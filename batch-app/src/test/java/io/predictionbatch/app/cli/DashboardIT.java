package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a person sees it, in Debian's Chromium (headless) driven through ChromeDriver:
 * a job launched from the page's form followed to 100 %, a job stopped and restarted with the
 * page's buttons (every record then in the output exactly once), the task and model views, a
 * phone-width layout, and no error in the browser's console. Screenshots of each view go to
 * {@code target/dashboard-screenshots} (the README shows copies kept in {@code docs/}).
 */
class DashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/dashboard-screenshots");
    private static final String SETOSA = "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";

    /** Held, since java.util.logging keeps loggers only weakly: Selenium's protocol chatter stays out of the output. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    @TempDir
    static Path work;

    private static Cli cli;
    private static ServerProcess server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        requireChromium();
        SELENIUM_LOG.setLevel(Level.SEVERE);
        cli = new Cli(work.resolve("home"), work);
        server = ServerProcess.start(cli);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + work.resolve("chromium"), "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
            cli.stopDatabaseServer();
        }
    }

    /** Debian's chromium and chromium-driver: skipped without them here, a failure under CI (.ci/run installs them). */
    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String missing = "The dashboard's browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                + CHROMEDRIVER + "): apt-get install chromium chromium-driver";
        if ("true".equals(System.getenv("CI"))) {
            fail(missing);
        }
        Assumptions.abort(missing);
    }

    @Test
    void followsAJobLaunchedFromThePageToTheEndAndShowsItsRejectedRecords() throws Exception {
        TestInputs.irisRows(work.resolve("launched.csv"), 1_000_000);
        open("#/jobs");
        browser.findElement(By.cssSelector("details.panel summary")).click();
        fill("input", "launched.csv");
        fill("output", "launched-predictions.csv");
        fill("key", "id");
        // Small chunks on a million rows keep the job running for several of the page's one-second refreshes
        // (200,000 rows in chunks of 200 could end between two of them once the job got faster).
        fill("chunkSize", "100");
        browser.findElement(By.cssSelector("#launch button[type=submit]")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("#/jobs/\\d+$"));

        List<Double> seen = new ArrayList<>();
        wait(Duration.ofMinutes(3)).until(page -> {
            double percent = percentShown();
            if (seen.isEmpty() || seen.get(seen.size() - 1) != percent) {
                seen.add(percent);
            }
            return percent == 100.0 && statusShown().equals("COMPLETED");
        });
        assertThat(seen).as("the bar's values as the page refreshed").isSorted().contains(100.0);
        assertThat(seen.stream().filter(percent -> percent > 0 && percent < 100)).as("a value on the way").isNotEmpty();
        assertThat(text()).contains("1,000,000 of 1,000,000 done", "1,000 rejected", "p0000", "p0001", " partition-")
                .contains("petal_width: 'broken' is not a number");
        screenshot("job-detail");

        browser.findElement(By.linkText("All 1,000 rejected records →")).click();
        wait(Duration.ofSeconds(10)).until(page -> page.findElements(By.cssSelector("tbody tr")).size() == 100);
        assertThat(text()).contains("records 1–100");
        browser.findElement(By.xpath("//button[text()='Next →']")).click();
        wait(Duration.ofSeconds(10)).until(page -> text().contains("records 101–200"));

        open("#/jobs");
        wait(Duration.ofSeconds(10)).until(page -> text().contains("launched.csv"));
        screenshot("jobs");
        assertNoConsoleErrors();
    }

    @Test
    void stopsAndRestartsAJobWithThePagesButtonsAndLosesNoRecord() throws Exception {
        int rows = 1_000_000;
        TestInputs.irisRows(work.resolve("stopped.csv"), rows);
        open("#/jobs");
        browser.findElement(By.cssSelector("details.panel summary")).click();
        fill("input", "stopped.csv");
        fill("output", "stopped-predictions.csv");
        fill("key", "id");
        fill("chunkSize", "100");
        browser.findElement(By.cssSelector("#launch button[type=submit]")).click();
        wait(Duration.ofMinutes(2)).until(page -> !page.findElements(By.id("stop")).isEmpty() && percentShown() > 0);

        browser.findElement(By.id("stop")).click();
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        wait(Duration.ofMinutes(2)).until(page -> statusShown().equals("STOPPED"));
        assertThat(percentShown()).isLessThan(100);
        assertThat(text()).contains("stopped on request");
        screenshot("job-stopped");

        browser.findElement(By.id("restart")).click();
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        wait(Duration.ofMinutes(4)).until(page -> statusShown().equals("COMPLETED"));
        assertThat(text()).contains("run 2 time(s)");
        TestInputs.assertEveryLineExactlyOnce(work.resolve("stopped-predictions.csv"),
                work.resolve("stopped-predictions.errors.csv"), rows);
        assertNoConsoleErrors();
    }

    @Test
    void showsTasksByStateAndModelAndOneTaskWithItsViolations() throws Exception {
        String good = submit(SETOSA);
        String bad = submit("{\"sepal_length\":\"long\",\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}");
        open("#/tasks");
        wait(Duration.ofSeconds(30)).until(page -> text().contains("SUCCEEDED") && text().contains("FAILED")
                && text().contains("mean round trip"));
        assertThat(text()).contains("iris_model", good.substring(0, 8), bad.substring(0, 8));
        screenshot("tasks");

        browser.findElement(By.linkText(bad.substring(0, 8))).click();
        wait(Duration.ofSeconds(10)).until(page -> text().contains("sepal_length") && text().contains("\"long\""));
        assertThat(text()).contains("FAILED", "Error");
        screenshot("task-failed");
        open("#/tasks/" + good);
        wait(Duration.ofSeconds(10)).until(page -> text().contains("setosa"));
        assertNoConsoleErrors();
    }

    @Test
    void showsTheModelsAndTriesOneRecord() throws Exception {
        open("#/models");
        wait(Duration.ofSeconds(10)).until(page -> text().contains("iris_model"));
        browser.findElement(By.linkText("iris_model")).click();
        WebElement record = wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("record")));
        record.clear();
        record.sendKeys(SETOSA);
        browser.findElement(By.xpath("//button[text()='Predict']")).click();
        wait(Duration.ofSeconds(10)).until(page -> !page.findElements(By.id("prediction")).isEmpty());
        assertThat(browser.findElement(By.id("prediction")).getText()).contains("setosa");
        screenshot("model");

        record.clear();
        record.sendKeys("{\"sepal_length\": -1}");
        browser.findElement(By.xpath("//button[text()='Predict']")).click();
        wait(Duration.ofSeconds(10)).until(page -> text().contains("Refused"));
        assertThat(text()).contains("sepal_width");
        screenshot("model-refused");
        assertNoConsoleErrors("/predict - Failed to load resource: the server responded with a status of 422");
    }

    @Test
    void fitsAPhoneScreen() throws Exception {
        TestInputs.irisRows(work.resolve("phone.csv"), 1_000);
        String location = post("/api/jobs", "{\"input\":\"phone.csv\",\"output\":\"phone-predictions.csv\"}")
                .headers().firstValue("Location").orElseThrow();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("#/jobs");
            wait(Duration.ofSeconds(10)).until(page -> text().contains("COMPLETED"));
            assertThat(horizontalOverflow()).as("page wider than the phone").isLessThanOrEqualTo(0);
            screenshot("jobs-phone");
            open("#" + location.substring("/api".length()));
            wait(Duration.ofSeconds(10)).until(page -> text().contains("Partitions"));
            assertThat(horizontalOverflow()).as("page wider than the phone").isLessThanOrEqualTo(0);
            screenshot("job-detail-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
        assertNoConsoleErrors();
    }

    private void open(String fragment) {
        browser.get(server.url() + "/" + fragment);
    }

    private void fill(String name, String value) {
        WebElement field = browser.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    private static WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class); // the page replaces its elements as it refreshes
        return wait;
    }

    private static String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** Read in one script, since the page replaces its elements at each refresh. */
    private static String statusShown() {
        return (String) script("const status = document.querySelector('h1 .status');"
                + " return status ? status.textContent : '';");
    }

    private static double percentShown() {
        return Double.parseDouble((String) script("const bar = document.querySelector('.panel [role=progressbar]');"
                + " return bar ? bar.getAttribute('aria-valuenow') : '0';"));
    }

    private static Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static long horizontalOverflow() {
        return (Long) script("return document.documentElement.scrollWidth - window.innerWidth;");
    }

    private static void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** No error in the console since the last look, but the answers the test provoked on purpose. */
    private static void assertNoConsoleErrors(String... provoked) {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .filter(message -> Arrays.stream(provoked).noneMatch(message::contains))
                .toList();
        assertThat(errors).as("errors in the browser's console").isEmpty();
    }

    private static String submit(String record) throws Exception {
        String body = post("/api/models/iris_model/tasks", record).body();
        return body.substring(body.indexOf("\"id\":\"") + 6, body.indexOf("\"id\":\"") + 42);
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()
                + path)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return response;
    }

}

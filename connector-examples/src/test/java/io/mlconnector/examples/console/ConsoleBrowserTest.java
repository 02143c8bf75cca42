package io.mlconnector.examples.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.alignment.AlignmentPolicy;
import io.mlconnector.core.sync.alignment.ReferenceDataAlignment;
import io.mlconnector.examples.demo.DemoContractor;
import io.mlconnector.examples.demo.DemoEnvironment;
import io.mlconnector.testkit.freshbooks.Bill;
import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.procore.Vendor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in a real browser (headless Chromium driven by Selenium) against the example host and both
 * sandboxes: a FreshBooks bill of Lone Pine Framing, whose Procore counterpart exists only as a suggested match, is
 * flagged; the operator opens the console, enters the token, sees the bill with its reason in plain words, confirms
 * the vendor's suggested mapping, replays, and the bill is posted in the Procore sandbox and no longer flagged.
 * Screenshots go to {@code target/console-screenshots/}. Chromium and its driver come from Debian's {@code chromium}
 * and {@code chromium-driver} packages ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; other paths via
 * {@code -Dmlc.chromium=...} / {@code -Dmlc.chromedriver=...}); the test fails when they are missing.
 */
class ConsoleBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SHOTS = Paths.get(System.getProperty("basedir", "."), "target", "console-screenshots");

    private DemoEnvironment env;
    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void setUp() throws Exception {
        Path chromium = Paths.get(System.getProperty("mlc.chromium", "/usr/bin/chromium"));
        Path driver = Paths.get(System.getProperty("mlc.chromedriver", "/usr/bin/chromedriver"));
        assertThat(Files.isExecutable(chromium)).as("Chromium at %s (apt-get install -y chromium chromium-driver)",
                chromium).isTrue();
        assertThat(Files.isExecutable(driver)).as("chromedriver at %s (apt-get install -y chromium chromium-driver)",
                driver).isTrue();
        env = DemoEnvironment.builder().build();
        env.align(); // the demo confirms name matches; Lone Pine Framing exists only in FreshBooks so far
        env.registerWebhooks();
        profile = Files.createTempDirectory("mlc-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (env != null) {
            env.close();
        }
        if (profile != null) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void operatorConfirmsTheSuggestedVendorReplaysAndTheBillIsPosted() throws Exception {
        DemoContractor c = env.contractor();
        String conn = env.runtime().connectionId();
        // Procore gets a vendor of the same name; alignment with the default policy only SUGGESTS the match
        Vendor pcLonePine = env.procore().seed().vendor(c.company().id(), "Lone Pine Framing Inc");
        Connection connection = env.runtime().engine().connection(conn);
        ReferenceDataAlignment.builder().connectionId(conn).accountingSystem(connection.accounting())
                .projectSystem(connection.projects()).mappingStore(env.runtime().mappings())
                .auditSink(env.runtime().auditSink()).clock(env.runtime().clock()).policy(AlignmentPolicy.defaults())
                .build().align();
        String vendorId = Long.toString(c.fbLonePine().id());
        Mapping suggested = env.runtime().mappings().find(conn, MappingKind.VENDOR, vendorId).orElseThrow();
        assertThat(suggested.status()).isEqualTo(MappingStatus.SUGGESTED);
        assertThat(suggested.targetId()).isEqualTo(Long.toString(pcLonePine.id()));
        env.startEngine();

        Bill bill = env.freshBooks().act().bill(c.fbLonePine().id(), env.today(), "LPF-1", List.of(
                BillLine.of(c.carpentry().id(), "Framing", "1", "500.00")));
        String key = "freshbooks:bill:" + bill.id();
        await().atMost(WAIT).until(() -> env.runtime().engine().flagged(conn).stream()
                .anyMatch(e -> e.sourceKey().equals(key)));

        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get(env.host().baseUrl() + "/console/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")))
                .sendKeys(env.config().admin().token().reveal());
        browser.findElement(By.id("operator-input")).sendKeys("Alice");
        screenshot("login.png");
        browser.findElement(By.id("token-save")).click();

        // Flagged & dead-lettered: the bill with its reason in plain words
        By row = By.cssSelector("#waiting-table tr[data-key='" + key + "']");
        WebElement flagged = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(flagged.getText()).contains("FreshBooks bill " + bill.id()).contains("flagged")
                .contains("Vendor 'Lone Pine Framing' (FreshBooks vendor " + vendorId + ") has no Procore vendor yet");
        screenshot("console.png");
        screenshot("waiting.png");

        // Mappings: confirm the suggested vendor mapping, accepting the confirm step
        browser.findElement(By.cssSelector("nav a[data-page='mappings']")).click();
        By card = By.cssSelector("#mappings-list .card[data-kind='VENDOR'][data-source='" + vendorId + "']");
        WebElement vendorCard = wait.until(ExpectedConditions.visibilityOfElementLocated(card));
        assertThat(vendorCard.getText()).contains("Lone Pine Framing").contains("Suggested: Lone Pine Framing Inc")
                .contains("1 record waits for it");
        screenshot("mappings.png");
        vendorCard.findElement(By.cssSelector("button.confirm-suggestion")).click();
        WebElement confirmText = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-text")));
        assertThat(confirmText.getText()).startsWith("Map Vendor 'Lone Pine Framing'")
                .contains("Lone Pine Framing Inc");
        assertThat(env.runtime().mappings().find(conn, MappingKind.VENDOR, vendorId).orElseThrow().status())
                .as("nothing is written before the operator confirms").isEqualTo(MappingStatus.SUGGESTED);
        screenshot("confirm.png");
        browser.findElement(By.id("confirm-yes")).click();
        wait.until(ExpectedConditions.attributeContains(card, "class", "done"));
        assertThat(env.runtime().mappings().find(conn, MappingKind.VENDOR, vendorId).orElseThrow().status())
                .isEqualTo(MappingStatus.CONFIRMED);

        // replay the records waiting for that mapping
        browser.findElement(card).findElement(By.cssSelector("button.replay-waiting")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-text")));
        assertThat(browser.findElement(By.id("confirm-text")).getText()).startsWith("Replay the 1 record(s)");
        browser.findElement(By.id("confirm-yes")).click();

        String origin = env.originId("bill", bill.id());
        await().atMost(WAIT).until(() -> env.procore().directCosts(c.harborTower().id()).stream()
                .anyMatch(d -> origin.equals(d.originId())) || env.procore().requisitions(c.harborTower().id())
                .stream().anyMatch(r -> origin.equals(r.originId())));

        // back on the first page the bill is no longer flagged
        browser.findElement(By.cssSelector("nav a[data-page='waiting']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting-empty")));
        screenshot("waiting-after.png");

        browser.findElement(By.cssSelector("nav a[data-page='health']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#health-table tbody tr")));
        screenshot("health.png");
        browser.findElement(By.cssSelector("nav a[data-page='reconciliation']")).click();
        WebElement month = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recon-month")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", month,
                java.time.YearMonth.from(env.today()).toString());
        browser.findElement(By.id("recon-run")).click();
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recon-table")));
        assertThat(table.getText()).contains("LPF-1");
        screenshot("reconciliation.png");
        assertThat(SHOTS.resolve("console.png")).isNotEmptyFile();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}

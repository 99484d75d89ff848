package dev.natconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.natconsole.provisioning.Provisioning;
import dev.natconsole.provisioning.TopologyStatus;
import dev.natconsole.target.NewTarget;
import dev.natconsole.target.TargetKind;
import dev.natconsole.target.Targets;
import dev.natconsole.testing.Browser;
import dev.natconsole.testing.MotoExtension;
import dev.natconsole.testing.MotoServer;
import dev.natconsole.topology.Topologies;

/** The wizard in a real browser against the console on a random port and moto. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(MotoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WizardBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Targets targets;

    @Autowired
    Topologies topologies;

    @Autowired
    Provisioning provisioning;

    WebDriver browser;

    @BeforeAll
    void startBrowserAndSignIn() {
        browser = Browser.start();
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        type("username", "admin");
        type("password", "test-admin-password");
        clickAndWait(By.id("sign-in"));
        assertThat(browser.findElement(By.id("current-user")).getText()).isEqualTo("admin");
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void cleanState(MotoServer moto) {
        topologies.list().forEach(topology -> destroyAndDelete(topology.id()));
        targets.list().forEach(target -> targets.delete(target.id()));
        targets.create(new NewTarget("moto", TargetKind.EMULATOR, moto.endpoint().toString(), null,
                "ap-northeast-1"));
        browser.get(url("/?lang=en"));
    }

    /** Tidies up between tests: an applied plan is destroyed first, as the console requires. */
    private void destroyAndDelete(long topologyId) {
        if (provisioning.status(topologyId) != TopologyStatus.DRAFT) {
            long runId = provisioning.destroy(topologyId).id();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120))
                    .until(() -> provisioning.run(runId).status().finished());
        }
        topologies.delete(topologyId);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private void next() {
        clickAndWait(By.id("wizard-next"));
    }

    /** Clicks something that loads a new page and waits until the old page is gone. */
    private void clickAndWait(By by) {
        WebElement element = browser.findElement(by);
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                // Stale, or (a ChromeDriver quirk) "node does not belong to the document": the old page is gone.
                return true;
            }
        });
    }

    /** Steps 1-4 with the seed's values; leaves the browser on the review page. */
    private void walkToReview(String name, boolean screenshots) {
        browser.get(url("/wizard/new"));
        type("name", name);
        new Select(browser.findElement(By.id("region"))).selectByValue("ap-northeast-1");
        shot(screenshots, "wizard-1-target");
        next();
        assertThat(browser.findElement(By.id("vpcCidr")).getAttribute("value")).isEqualTo("172.16.0.0/16");
        List<String> ticked = browser.findElements(By.cssSelector("input[name=selectedZones]:checked")).stream()
                .map(box -> box.getAttribute("value")).toList();
        assertThat(ticked).containsExactly("ap-northeast-1a", "ap-northeast-1c");
        shot(screenshots, "wizard-2-network");
        next();
        assertThat(browser.findElement(By.id("availabilityZones0.publicSubnetCidr")).getAttribute("value"))
                .isEqualTo("172.16.0.0/24");
        assertThat(browser.findElement(By.id("availabilityZones0.privateSubnetCidr")).getAttribute("value"))
                .isEqualTo("172.16.1.0/24");
        assertThat(browser.findElement(By.id("availabilityZones1.publicSubnetCidr")).getAttribute("value"))
                .isEqualTo("172.16.2.0/24");
        shot(screenshots, "wizard-3-subnets");
        next();
        new Select(browser.findElement(By.id("nat.instanceType"))).selectByValue("t3.micro");
        shot(screenshots, "wizard-4-nat");
        next();
        assertThat(browser.getCurrentUrl()).endsWith("/review");
        shot(screenshots, "wizard-5-review");
    }

    private void shot(boolean enabled, String name) {
        if (enabled) {
            Browser.screenshot(browser, name);
        }
    }

    @Test
    void walksTheWizardWithTheSeedsValuesAndSavesThePlan() {
        walkToReview("seed", true);
        assertThat(browser.findElement(By.id("diagram")).getText()).contains("172.16.0.0/16", "ap-northeast-1c");
        assertThat(browser.findElements(By.cssSelector("#plan tbody tr"))).hasSizeGreaterThan(20);
        clickAndWait(By.id("wizard-save"));
        Browser.screenshot(browser, "wizard-6-saved");
        assertThat(browser.findElement(By.tagName("h1")).getText()).as(browser.findElement(By.tagName("main"))
                .getText()).isEqualTo("seed");
        browser.get(url("/"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-topology=seed]"));
        assertThat(row.getText()).contains("ap-northeast-1", "ap-northeast-1a, ap-northeast-1c");
        assertThat(topologies.list()).singleElement()
                .satisfies(topology -> assertThat(topology.spec().nat().instanceType()).isEqualTo("t3.micro"));
    }

    @Test
    void appliesTheSeedTopologyWatchesTheRunAndFindsItOnTheDashboard(MotoServer moto) {
        walkToReview("applied", false);
        clickAndWait(By.id("wizard-apply"));
        assertThat(browser.getCurrentUrl()).contains("/runs/");
        // The page follows the run live and reloads when it ends.
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(driver -> "SUCCEEDED".equals(
                driver.findElement(By.id("run-status")).getAttribute("data-status")));
        Browser.screenshot(browser, "run-finished");
        List<WebElement> steps = browser.findElements(By.cssSelector("#steps tbody tr"));
        assertThat(steps).isNotEmpty().allSatisfy(row -> assertThat(row.findElement(By.className("step-status"))
                .getText()).isIn("DONE", "SKIPPED"));
        String natIp = browser.findElement(By.id("nat-ip-0")).getText();
        assertThat(natIp).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(browser.findElement(By.id("outputs")).getText()).contains("ap-northeast-1a", "ap-northeast-1c");
        // The address shown is the Elastic IP AWS (here moto) really allocated.
        assertThat(moto.ec2("ap-northeast-1").describeAddresses().addresses()).extracting(a -> a.publicIp())
                .contains(natIp);

        browser.get(url("/"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-topology=applied]"));
        assertThat(row.findElement(By.className("state")).getText()).isEqualTo("Applied");
        assertThat(row.findElement(By.className("nat-ips")).getText()).contains(natIp);
        assertThat(row.findElement(By.className("saving")).getText()).startsWith("$");
        Browser.screenshot(browser, "dashboard-applied");
    }

    @Test
    void anInvalidCidrShowsTheInlineErrorAndCreatesNothing() {
        walkToReview("broken", false);
        clickAndWait(By.linkText("3. Subnets"));
        type("availabilityZones1.publicSubnetCidr", "172.16.300.0/24");
        next();
        assertThat(browser.getCurrentUrl()).endsWith("/subnets");
        assertThat(browser.findElement(By.id("availabilityZones1.publicSubnetCidr-error")).getText())
                .contains("172.16.300.0");
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("publicSubnetCidr");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
        Browser.screenshot(browser, "wizard-invalid-cidr");
        assertThat(topologies.list()).isEmpty();
    }

    @Test
    void reloadAndBackKeepWhatWasEntered() {
        browser.get(url("/wizard/new"));
        type("name", "kept");
        next();
        type("vpcCidr", "10.20.0.0/16");
        next();
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("availabilityZones0.publicSubnetCidr")).getAttribute("value"))
                .isEqualTo("10.20.0.0/24");
        browser.navigate().back();
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("vpcCidr")).getAttribute("value")).isEqualTo("10.20.0.0/16");
        clickAndWait(By.id("wizard-back"));
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("kept");
    }

    @Test
    void addsATargetFromTheWizardAndComesBack(MotoServer moto) {
        browser.get(url("/wizard/new"));
        type("name", "with-new-target");
        clickAndWait(By.id("add-target-link"));
        type("name", "second-moto");
        type("endpointUrl", moto.endpoint().toString());
        clickAndWait(By.id("add-target"));
        assertThat(browser.getCurrentUrl()).endsWith("/target");
        assertThat(new Select(browser.findElement(By.id("targetId"))).getOptions()).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).startsWith("second-moto"));
        assertThat(targets.list()).extracting(target -> target.name()).contains("second-moto");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("with-new-target");
    }

    @Test
    void switchesToJapanese() {
        clickAndWait(By.id("lang-ja"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("トポロジー");
        assertThat(browser.findElement(By.id("new-topology")).getText()).isEqualTo("新しいトポロジー");
        browser.get(url("/wizard/new"));
        assertThat(browser.findElement(By.id("wizard-next")).getText()).isEqualTo("次へ");
        // Validation messages are translated too, not only the page.
        type("name", "ja");
        next();
        type("vpcCidr", "10.0.0.0/8");
        next();
        assertThat(browser.findElement(By.id("vpcCidr-error")).getText()).contains("/16 から /28 まで");
        Browser.screenshot(browser, "japanese-wizard");
        browser.get(url("/?lang=en"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Topologies");
    }
}

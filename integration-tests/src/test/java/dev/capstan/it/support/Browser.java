package dev.capstan.it.support;

import org.openqa.selenium.By;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Headless Chromium (Debian's chromium and chromium-driver) with the few page actions the tests
 * share. Screenshots go to target/screenshots.
 */
public class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final URL base;
    private final Path screenshots = Path.of(System.getProperty("capstan.test.screenshots", "target/screenshots"));
    private final Path downloads;

    public Browser(URL base) throws IOException {
        this(base, null);
    }

    /**
     * A browser that lives in {@code timeZone} (e.g. {@code Asia/Kathmandu}), as a user abroad
     * would: the page learns its zone from the browser. Null: the machine's zone.
     */
    public Browser(URL base, String timeZone) throws IOException {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,900",
                "--user-data-dir=" + Files.createTempDirectory("capstan-chromium"));
        downloads = Files.createTempDirectory(Path.of("target"), "downloads").toAbsolutePath();
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // for consoleErrors()
        ChromeDriverService.Builder service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort();
        if (timeZone != null) {
            service.withEnvironment(Map.of("TZ", timeZone)); // Chromium, started by the driver, inherits it
        }
        this.driver = new ChromeDriver(service.build(), options);
        Files.createDirectories(screenshots);
    }

    /** The window's width and height in CSS pixels, as a person on a small screen has it. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** The value of a JavaScript expression on the open page, e.g. {@code document.documentElement.scrollWidth}. */
    public Object evaluate(String expression) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return " + expression + ";");
    }

    public void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    /** Opens a page of another site, e.g. one a test serves on another port. */
    public void visit(URI address) {
        driver.get(address.toString());
    }

    /** Waits until the page's title is {@code title}. */
    public void waitForTitle(String title) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.titleIs(title));
    }

    /** The errors the browser's console showed since the last call, e.g. a Content-Security-Policy violation. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** The text shown inside the frame {@code frame}, or its error page's. */
    public String frameText(By frame) {
        driver.switchTo().frame(driver.findElement(frame));
        try {
            return driver.findElement(By.tagName("body")).getText();
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void waitForUrlEnding(String suffix) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(suffix));
    }

    /** Waits until the address holds {@code part} (a page keeps its view there), and returns the address. */
    public String waitForAddressWith(String part) {
        waitForUrlEnding(part);
        return driver.getCurrentUrl();
    }

    public void waitForText(By locator, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Waits until {@code text} shows in the element, and returns all its text. */
    public String waitForTextIn(By locator, String text) {
        waitForText(locator, text);
        return driver.findElement(locator).getText();
    }

    /** Waits until as many elements as expected match, e.g. table rows after an ajax update. */
    public void waitForCount(By locator, int expected) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(page -> page.findElements(locator).size() == expected);
    }

    /** Types into a field, again if an ajax update or a widget (a date picker closing) took the text away meanwhile. */
    public void type(By locator, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(page -> {
                    WebElement field = waitFor(locator);
                    field.clear();
                    field.sendKeys(text);
                    return text.equals(field.getAttribute("value"));
                });
    }

    /** Clicks once the element is there, again if an ajax update replaced it meanwhile. */
    public void click(By locator) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(page -> {
                    WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(page);
                    if (element == null) {
                        return false;
                    }
                    element.click();
                    return true;
                });
    }

    /** Waits until the element is gone or hidden, e.g. a dialog after a successful save. */
    public void waitForHidden(By locator) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /** The text of each element that matches, e.g. each row of a table. */
    public List<String> texts(By locator) {
        return driver.findElements(locator).stream().map(WebElement::getText).toList();
    }

    /** Each element that matches, e.g. to read its tooltip or measure it. */
    public List<WebElement> elements(By locator) {
        return driver.findElements(locator);
    }

    public boolean isShown(By locator) {
        return driver.findElements(locator).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Picks the option labelled {@code label} of a PrimeFaces select menu (p:selectOneMenu) by its client id. */
    public void choose(String menuId, String label) {
        click(By.id(menuId + "_label"));
        // The panel slides open; an item clicked while it still moves may be missed.
        waitFor(By.cssSelector("[id='" + menuId + "_panel'].ui-connected-overlay-enter-done"));
        click(By.xpath("//*[@id='" + menuId + "_items']//li[@data-label='" + label + "']"));
        waitForText(By.id(menuId + "_label"), label);
        waitForHidden(By.id(menuId + "_panel"));
    }

    /** Clicks a PrimeFaces checkbox (p:selectBooleanCheckbox) by its client id. */
    public void tick(String checkboxId) {
        click(By.cssSelector("[id='" + checkboxId + "'] .ui-chkbox-box"));
    }

    /** Answers "Yes" in the open p:confirm dialog. */
    public void confirm() {
        click(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes"));
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void signIn(String username, String password) {
        open("/signin.xhtml");
        type(By.id("signin:username"), username);
        type(By.id("signin:password"), password);
        click(By.id("signin:submit"));
    }

    public void signOut() {
        click(By.id("usermenu:menu_button"));
        click(By.id("usermenu:signout"));
        waitForUrlEnding("/signin.xhtml");
    }

    /** The user menu's light/dark switch; reloads the page. */
    public void toggleTheme() {
        click(By.id("usermenu:menu_button"));
        click(By.id("usermenu:theme"));
    }

    /** The PrimeFaces theme the page is drawn with, e.g. {@code primefaces-arya-blue}. */
    public String theme() {
        String href = driver.findElement(By.cssSelector("link[href*='theme.css']")).getAttribute("href");
        return href.replaceAll(".*[?&]ln=([^&]+).*", "$1");
    }

    public void waitForTheme(String theme) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(page -> theme.equals(theme()));
    }

    public void changePassword(String current, String next) {
        type(By.id("password:currentPassword"), current);
        type(By.id("password:newPassword"), next);
        type(By.id("password:confirmation"), next);
        click(By.id("password:change"));
        waitForUrlEnding("/index.xhtml");
    }

    /** Waits for the one file a download produced, and returns it. */
    public Path waitForDownload() {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(page -> {
            try (var files = Files.list(downloads)) {
                return files.filter(file -> !file.getFileName().toString().endsWith(".crdownload")
                        && !file.getFileName().toString().startsWith(".")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    public Path screenshot(String name) throws IOException {
        Path target = screenshots.resolve(name + ".png");
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package dev.capstan.it.projects;

import dev.capstan.it.support.Browser;
import org.openqa.selenium.By;

import java.util.List;

/**
 * The projects list and a project's page as a person uses them, so that the tests read as what
 * they do. Ids are the pages' client ids (form:input, rows as form:repeat:index:input).
 */
class ProjectPage {

    static final String LIST = "projects:table";
    static final String SERVICES = "page:tabs:services";
    static final String ENVIRONMENTS = "page:tabs:environments";
    static final String MEMBERS = "page:tabs:members";

    private final Browser browser;

    ProjectPage(Browser browser) {
        this.browser = browser;
    }

    void openList() {
        browser.open("/projects/index.xhtml");
        browser.waitFor(By.id(LIST));
    }

    void open(String key) {
        browser.open("/projects/project.xhtml?key=" + key);
        browser.waitFor(By.id("page:tabs"));
    }

    /** From the list: the "New project" dialog, then the new project's page. */
    void create(String key, String name, String description, String team) {
        browser.click(By.id("projects:new"));
        browser.type(By.id("create:key"), key);
        browser.type(By.id("create:name"), name);
        browser.type(By.id("create:description"), description);
        browser.type(By.id("create:owningTeam"), team);
        browser.click(By.id("create:save"));
        browser.waitForUrlEnding("key=" + key);
        browser.waitFor(By.id("page:tabs"));
    }

    void tab(String title) {
        browser.click(By.xpath("//*[@id='page:tabs']//ul[@role='tablist']//a[normalize-space()='" + title + "']"));
        browser.waitFor(By.xpath("//*[@id='page:tabs']//ul[@role='tablist']/li[contains(@class, 'ui-state-active')]//a[normalize-space()='"
                + title + "']"));
    }

    /** A service as the dialog takes it; null fields stay empty. */
    record Service(String name, String kind, boolean essential, String image, int deployOrder,
                   String livenessUrl, String readinessUrl, List<String> readinessExpectations, List<SmokeCheck> smokeChecks) {

        static Service of(String name, String kind, String image, int deployOrder) {
            return new Service(name, kind, false, image, deployOrder, null, null, List.of(), List.of());
        }
    }

    record SmokeCheck(String method, String path, int status, String bodyContains) {
    }

    /** Fills the service dialog; {@link #save(String)} it, or look at what it says. */
    void fillNewService(Service service) {
        tab("Services");
        browser.click(By.id("page:tabs:addService"));
        browser.waitFor(By.id("serviceDialog"));
        browser.type(By.id("service:name"), service.name());
        browser.choose("service:kind", service.kind());
        if (service.essential()) {
            browser.tick("service:essential");
        }
        browser.type(By.id("service:image"), service.image());
        browser.type(By.id("service:deployOrder"), Integer.toString(service.deployOrder()));
        if (service.livenessUrl() != null) {
            browser.type(By.id("service:livenessUrl"), service.livenessUrl());
        }
        if (service.readinessUrl() != null) {
            browser.type(By.id("service:readinessUrl"), service.readinessUrl());
            browser.type(By.id("service:readinessExpectations"), String.join("\n", service.readinessExpectations()));
        }
        for (int i = 0; i < service.smokeChecks().size(); i++) {
            SmokeCheck check = service.smokeChecks().get(i);
            browser.click(By.id("service:addSmokeCheck"));
            String row = "service:checks:" + i + ":";
            browser.waitFor(By.id(row + "path"));
            browser.choose(row + "method", check.method());
            browser.type(By.id(row + "path"), check.path());
            browser.type(By.id(row + "status"), Integer.toString(check.status()));
            browser.type(By.id(row + "bodyContains"), check.bodyContains());
        }
    }

    void addService(Service service) {
        fillNewService(service);
        save("serviceDialog", "service:save");
        browser.waitForText(By.id(SERVICES), service.name());
    }

    /** Presses a dialog's save button and waits until the dialog has closed. */
    void save(String dialogId, String buttonId) {
        browser.click(By.id(buttonId));
        browser.waitForHidden(By.id(dialogId));
    }

    /** The message shown beside (right after) the input with this client id. */
    String messageBeside(String inputId) {
        return browser.waitFor(By.xpath("//*[@id='" + inputId + "']/following-sibling::*[contains(@class, 'ui-message-error')][1]")).getText();
    }

    void startNewEnvironment(String name, String tier, String baseUrl) {
        tab("Environments");
        browser.click(By.id("page:tabs:addEnvironment"));
        browser.waitFor(By.id("environmentDialog"));
        browser.type(By.id("environment:name"), name);
        browser.choose("environment:tier", tier);
        browser.type(By.id("environment:baseUrl"), baseUrl);
    }

    /** Chooses the target kind; the dialog then shows that kind's settings. */
    void target(String kind) {
        browser.choose("environment:targetKind", kind);
    }

    /** Types into the target setting shown at {@code index} (in the kind's order). */
    void setting(int index, String value) {
        browser.type(By.id("environment:settings:" + index + ":value"), value);
    }

    void addOverride(int index, String service, String readinessUrl) {
        browser.click(By.id("environment:addOverride"));
        String row = "environment:rows:" + index + ":";
        browser.waitFor(By.id(row + "readinessUrl"));
        browser.choose(row + "service", service);
        browser.type(By.id(row + "readinessUrl"), readinessUrl);
    }

    void addMember(String username, String role) {
        tab("Members");
        browser.click(By.id("page:tabs:addMember"));
        browser.waitFor(By.id("memberDialog"));
        // The field suggests users as one types: pick the one with this user name (shown with the display name).
        browser.type(By.id("member:username_input"), username.substring(0, Math.min(4, username.length())));
        By suggestion = By.cssSelector("#member\\:username_panel li.ui-autocomplete-item[data-item-value='" + username + "']");
        String shown = browser.waitFor(suggestion).getText();
        if (!shown.startsWith(username + " (")) {
            throw new AssertionError("a suggestion shows the user name and display name: " + shown);
        }
        browser.click(suggestion);
        browser.choose("member:role", role);
        save("memberDialog", "member:save");
        browser.waitForText(By.id(MEMBERS), username);
    }

    /** The rows of a table (by its client id), one text per row, cells separated by one space. */
    List<String> rows(String tableId) {
        return browser.texts(By.xpath("//*[@id='" + tableId + "']//tbody/tr")).stream()
                .map(row -> row.replaceAll("\\s+", " ").strip()).toList();
    }
}

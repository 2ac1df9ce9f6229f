package dev.capstan.projects.ui;

import dev.capstan.projects.entity.ServiceDefinition;
import dev.capstan.projects.entity.ServiceInput;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A service as its dialog edits it: every field of {@link ServiceInput}, with the health
 * expectations as one text (one per line) and the smoke checks as rows the person adds and
 * removes. Nothing is checked here; the boundary checks and names each bad field.
 */
public class ServiceForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String kind = "application";
    private boolean essential;
    private String image;
    private String sourceRepository;
    private String defaultRef;
    private String deployOrder = String.valueOf(ServiceInput.DEFAULT_DEPLOY_ORDER);
    private final Endpoint liveness = new Endpoint();
    private final Endpoint readiness = new Endpoint();
    private final List<SmokeCheckRow> smokeChecks = new ArrayList<>();

    static ServiceForm of(ServiceDefinition definition) {
        ServiceInput input = definition.toInput();
        ServiceForm form = new ServiceForm();
        form.name = input.name();
        form.kind = input.kind();
        form.essential = Boolean.TRUE.equals(input.essential());
        form.image = input.image();
        form.sourceRepository = input.sourceRepository();
        form.defaultRef = input.defaultRef();
        form.deployOrder = text(input.deployOrder());
        form.liveness.fill(input.liveness());
        form.readiness.fill(input.readiness());
        input.smokeChecks().forEach(check -> form.smokeChecks.add(SmokeCheckRow.of(check)));
        return form;
    }

    ServiceInput toInput() {
        return new ServiceInput(name, kind, essential, image, sourceRepository, defaultRef, number(deployOrder),
                liveness.toInput(), readiness.toInput(), smokeChecks.stream().map(SmokeCheckRow::toInput).toList());
    }

    /**
     * A number field's text as the domain reads it. The fields hold text, not numbers, so that text
     * in one of them is reported with every other problem of the form at once, by the domain's own
     * rule for that field (its range says what a number there is), instead of a conversion error
     * that stops the form before the domain sees it. Blank: not given.
     */
    static Integer number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return Integer.MIN_VALUE; // outside every range the domain accepts
        }
    }

    static String text(Integer number) {
        return number == null ? null : number.toString();
    }

    public void addSmokeCheck() {
        smokeChecks.add(new SmokeCheckRow());
    }

    /** By identity: two rows may hold the same values. */
    public void removeSmokeCheck(SmokeCheckRow row) {
        smokeChecks.removeIf(r -> r == row);
    }

    /** A health endpoint: URL or path, expected status, JSON expectations one per line. */
    public static class Endpoint implements Serializable {

        private static final long serialVersionUID = 1L;

        private String url;
        private String status;
        private String expectations;

        void fill(ServiceInput.EndpointInput input) {
            if (input != null) {
                url = input.url();
                status = text(input.status());
                expectations = String.join("\n", input.expectations());
            }
        }

        ServiceInput.EndpointInput toInput() {
            List<String> lines = expectations == null ? List.of()
                    : Arrays.stream(expectations.split("\\R")).filter(line -> !line.isBlank()).toList();
            return new ServiceInput.EndpointInput(url, number(status), lines);
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        public String getExpectations() {
            return expectations;
        }

        public void setExpectations(String expectations) {
            this.expectations = expectations;
        }
    }

    /** One smoke check: a request after each deployment and what it must answer. */
    public static class SmokeCheckRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private String method = "GET";
        private String path;
        private String status = "200";
        private String bodyContains;

        static SmokeCheckRow of(ServiceInput.SmokeCheckInput input) {
            SmokeCheckRow row = new SmokeCheckRow();
            row.method = input.method();
            row.path = input.path();
            row.status = text(input.status());
            row.bodyContains = input.bodyContains();
            return row;
        }

        ServiceInput.SmokeCheckInput toInput() {
            return new ServiceInput.SmokeCheckInput(method, path, number(status), bodyContains);
        }

        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        public String getBodyContains() {
            return bodyContains;
        }

        public void setBodyContains(String bodyContains) {
            this.bodyContains = bodyContains;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public boolean isEssential() {
        return essential;
    }

    public void setEssential(boolean essential) {
        this.essential = essential;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getSourceRepository() {
        return sourceRepository;
    }

    public void setSourceRepository(String sourceRepository) {
        this.sourceRepository = sourceRepository;
    }

    public String getDefaultRef() {
        return defaultRef;
    }

    public void setDefaultRef(String defaultRef) {
        this.defaultRef = defaultRef;
    }

    public String getDeployOrder() {
        return deployOrder;
    }

    public void setDeployOrder(String deployOrder) {
        this.deployOrder = deployOrder;
    }

    public Endpoint getLiveness() {
        return liveness;
    }

    public Endpoint getReadiness() {
        return readiness;
    }

    public List<SmokeCheckRow> getSmokeChecks() {
        return smokeChecks;
    }
}

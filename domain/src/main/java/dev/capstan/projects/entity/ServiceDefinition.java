package dev.capstan.projects.entity;

import dev.capstan.platform.Codes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A checked service: what {@link ServiceInput#validate()} gives and what a {@link Service} holds. */
public record ServiceDefinition(String name, ServiceKind kind, boolean essential, String image, String sourceRepository,
                                String defaultRef, int deployOrder, HealthEndpoint liveness, HealthEndpoint readiness,
                                List<SmokeCheck> smokeChecks) {

    public ServiceDefinition {
        smokeChecks = List.copyOf(smokeChecks);
    }

    /** Back to input form, for an editor or an export. */
    public ServiceInput toInput() {
        return new ServiceInput(name, Codes.code(kind), essential, image, sourceRepository, defaultRef, deployOrder,
                endpoint(liveness), endpoint(readiness), smokeChecks.stream()
                .map(c -> new ServiceInput.SmokeCheckInput(c.method(), c.path(), c.expectedStatus(), c.bodyContains())).toList());
    }

    private static ServiceInput.EndpointInput endpoint(HealthEndpoint endpoint) {
        return endpoint == null ? null : new ServiceInput.EndpointInput(endpoint.url(), endpoint.expectedStatus(),
                endpoint.expectations().stream().map(JsonExpectation::toString).toList());
    }

    /** Field by field, in words, for the audit trail's before/after. */
    public Map<String, Object> describe() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", Codes.code(kind));
        fields.put("essential", essential);
        fields.put("image", image);
        fields.put("sourceRepository", sourceRepository);
        fields.put("defaultRef", defaultRef);
        fields.put("deployOrder", deployOrder);
        fields.put("liveness", liveness == null ? null : liveness.toString());
        fields.put("readiness", readiness == null ? null : readiness.toString());
        fields.put("smokeChecks", smokeChecks.stream().map(SmokeCheck::toString).toList());
        return fields;
    }
}

package dev.capstan.environments.entity;

import dev.capstan.platform.Codes;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A checked environment: what {@link EnvironmentInput#validate} gives and what an {@link Environment} holds. */
public record EnvironmentDefinition(String name, Tier tier, String baseUrl, DeploymentTarget target,
                                    List<ServiceOverride> overrides) {

    public EnvironmentDefinition {
        overrides = overrides.stream().sorted(Comparator.comparing(ServiceOverride::serviceName)).toList();
    }

    public EnvironmentInput toInput() {
        return new EnvironmentInput(name, Codes.code(tier), baseUrl,
                new EnvironmentInput.TargetInput(Codes.code(target.kind()), target.settings()),
                overrides.stream().map(o -> new EnvironmentInput.OverrideInput(o.serviceName(), o.disabled(),
                        o.livenessUrl(), o.readinessUrl())).toList());
    }

    /** Field by field, in words, for the audit trail's before/after. */
    public Map<String, Object> describe() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tier", Codes.code(tier));
        fields.put("baseUrl", baseUrl);
        fields.put("target", target.toString());
        fields.put("overrides", overrides.stream().map(ServiceOverride::toString).toList());
        return fields;
    }
}

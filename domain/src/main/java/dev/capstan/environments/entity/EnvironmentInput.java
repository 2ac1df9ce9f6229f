package dev.capstan.environments.entity;

import dev.capstan.platform.Codes;
import dev.capstan.platform.Violations;
import dev.capstan.projects.entity.HealthEndpoint;
import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.Slug;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An environment as a person wrote it; {@link #validate(Set)} checks it against the project's services. */
public record EnvironmentInput(String name, String tier, String baseUrl, TargetInput target, List<OverrideInput> overrides) {

    public record TargetInput(String kind, Map<String, String> settings) {
    }

    public record OverrideInput(String service, Boolean disabled, String livenessUrl, String readinessUrl) {
    }

    /** @param serviceNames the project's services, which overrides must name */
    public EnvironmentDefinition validate(Set<String> serviceNames) {
        Violations violations = new Violations();
        String checkedName = violations.attempt("name", () -> Slug.of("name", "environment name", name));
        Tier checkedTier = violations.attempt("tier", () -> Codes.parse(Tier.class, "tier", "tier", tier));
        String url = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
        violations.check(url == null || isBaseUrl(url), "baseUrl",
                "A base URL is an absolute http:// or https:// URL, like https://app.example.com.");
        DeploymentTarget checkedTarget = target == null ? DeploymentTarget.NONE
                : DeploymentTarget.of(target.kind(), target.settings(), violations.nested("target"));
        List<ServiceOverride> checkedOverrides = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<OverrideInput> given = overrides == null ? List.of() : overrides;
        boolean few = violations.check(given.size() <= Project.MAX_SERVICES, "overrides",
                "An environment overrides at most " + Project.MAX_SERVICES + " services, as many as a project may have.");
        List<OverrideInput> inputs = few ? given : List.of();
        for (int i = 0; i < inputs.size(); i++) {
            OverrideInput input = inputs.get(i);
            Violations at = violations.nested("overrides[" + i + "]");
            String service = input.service() == null ? "" : input.service().strip();
            boolean ok = at.check(serviceNames.contains(service), "service",
                    "The project has no service '" + service + "' to override.");
            ok &= at.check(seen.add(service), "service", "Service " + service + " is overridden twice.");
            String liveness = blank(input.livenessUrl());
            String readiness = blank(input.readinessUrl());
            ok &= at.check(liveness == null || HealthEndpoint.isUrlOrPath(liveness), "livenessUrl",
                    "Enter a path such as /health, or an absolute http:// or https:// URL.");
            ok &= at.check(readiness == null || HealthEndpoint.isUrlOrPath(readiness), "readinessUrl",
                    "Enter a path such as /health, or an absolute http:// or https:// URL.");
            if (ok) {
                checkedOverrides.add(new ServiceOverride(service, Boolean.TRUE.equals(input.disabled()), liveness, readiness));
            }
        }
        violations.throwIfAny();
        return new EnvironmentDefinition(checkedName, checkedTier, url, checkedTarget, checkedOverrides);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static boolean isBaseUrl(String text) {
        return !text.startsWith("/") && HealthEndpoint.isUrlOrPath(text) && URI.create(text).getQuery() == null;
    }
}

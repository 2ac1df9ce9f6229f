package dev.capstan.environments.api;

import dev.capstan.environments.entity.EnvironmentInput;
import dev.capstan.projects.boundary.ProjectDetails;

import java.util.List;
import java.util.Map;

/**
 * An environment as the API reads and writes it: the fields of {@link EnvironmentInput}, and the
 * version to send back with a change. A change may leave out the name; the address names it.
 * Target settings hold text only, never a secret's value: a setting such as
 * {@code deployHookSecret} names a secret.
 */
public record EnvironmentDto(String name, String tier, String baseUrl, TargetDto target, List<OverrideDto> overrides,
                             Long version) {

    /** Where deployments go: kind (none, ssh-host, aws-ssm, render, railway) and the kind's settings. */
    public record TargetDto(String kind, Map<String, String> settings) {
    }

    /** How one service differs here: not deployed, or other health URLs. */
    public record OverrideDto(String service, Boolean disabled, String livenessUrl, String readinessUrl) {
    }

    public static EnvironmentDto of(ProjectDetails.EnvironmentView view) {
        EnvironmentInput input = view.definition().toInput();
        return new EnvironmentDto(input.name(), input.tier(), input.baseUrl(),
                new TargetDto(input.target().kind(), input.target().settings()),
                input.overrides().stream().map(o -> new OverrideDto(o.service(), o.disabled(), o.livenessUrl(), o.readinessUrl())).toList(),
                view.version());
    }

    /** @param addressedName the name in the address, for a change that leaves it out; {@code null} when adding */
    EnvironmentInput toInput(String addressedName) {
        return new EnvironmentInput(name == null && addressedName != null ? addressedName : name, tier, baseUrl,
                target == null ? null : new EnvironmentInput.TargetInput(target.kind(), target.settings()),
                overrides == null ? null : overrides.stream()
                        .map(o -> o == null ? new EnvironmentInput.OverrideInput(null, null, null, null)
                                : new EnvironmentInput.OverrideInput(o.service(), o.disabled(), o.livenessUrl(), o.readinessUrl()))
                        .toList());
    }
}

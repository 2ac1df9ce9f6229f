package dev.capstan.environments.entity;

import dev.capstan.platform.Codes;
import dev.capstan.platform.Violations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where an environment deploys to: a {@link TargetKind} and its settings, checked against the
 * kind's layout and stamped with the layout's version. Settings equal to their default are not
 * stored, so a default that changes reaches every environment that did not choose otherwise.
 */
public record DeploymentTarget(TargetKind kind, int settingsVersion, Map<String, String> settings) {

    public static final DeploymentTarget NONE = new DeploymentTarget(TargetKind.NONE, TargetKind.SETTINGS_VERSION, Map.of());

    public DeploymentTarget {
        settings = Map.copyOf(new TreeMap<>(settings));
    }

    /** Checks settings as written; problems go to {@code violations} under kind and settings.NAME. */
    public static DeploymentTarget of(String kind, Map<String, String> written, Violations violations) {
        TargetKind checkedKind = kind == null || kind.isBlank() ? TargetKind.NONE
                : violations.attempt("kind", () -> Codes.parse(TargetKind.class, "kind", "target kind", kind));
        if (checkedKind == null) {
            return null;
        }
        Map<String, String> remaining = new LinkedHashMap<>(written == null ? Map.of() : written);
        Map<String, String> kept = new TreeMap<>();
        boolean ok = true;
        for (TargetSetting setting : checkedKind.settings()) {
            String value = remaining.remove(setting.name());
            value = value == null ? "" : value.strip();
            if (value.isEmpty()) {
                ok &= violations.check(!setting.required(), "settings." + setting.name(),
                        "Enter the " + setting.name() + " setting (" + setting.description() + "): this target kind needs it.");
                continue;
            }
            String problem = setting.problemWith(value);
            ok &= violations.check(problem == null, "settings." + setting.name(), problem);
            if (!value.equals(setting.defaultValue())) {
                kept.put(setting.name(), value);
            }
        }
        for (String unknown : remaining.keySet()) {
            ok = false;
            violations.add("settings." + unknown, "A " + Codes.code(checkedKind) + " target has no setting '" + unknown
                    + "'; it takes " + checkedKind.settings().stream().map(TargetSetting::name).toList() + ".");
        }
        return ok ? new DeploymentTarget(checkedKind, TargetKind.SETTINGS_VERSION, kept) : null;
    }

    /** A setting's value, its default when not set. */
    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name)).or(() -> kind.settings().stream()
                .filter(s -> s.name().equals(name)).findFirst().map(TargetSetting::defaultValue));
    }

    /** One line for lists and audit entries: {@code ssh-host {host=..., user=...}}. */
    @Override
    public String toString() {
        return Codes.code(kind) + (settings.isEmpty() ? "" : " " + new TreeMap<>(settings));
    }
}

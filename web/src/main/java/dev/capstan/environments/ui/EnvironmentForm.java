package dev.capstan.environments.ui;

import dev.capstan.environments.entity.EnvironmentDefinition;
import dev.capstan.environments.entity.EnvironmentInput;
import dev.capstan.environments.entity.TargetKind;
import dev.capstan.environments.entity.TargetSetting;
import dev.capstan.platform.Codes;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An environment as its dialog edits it. The target's settings are one map for every kind, so
 * that switching the kind back and forth keeps what was typed; only the chosen kind's settings
 * are sent. Nothing is checked here; the boundary checks and names each bad field.
 */
public class EnvironmentForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String tier = "staging";
    private String baseUrl;
    private String targetKind = Codes.code(TargetKind.NONE);
    private final Map<String, String> settings = new HashMap<>();
    private final List<OverrideRow> overrides = new ArrayList<>();

    static EnvironmentForm of(EnvironmentDefinition definition) {
        EnvironmentInput input = definition.toInput();
        EnvironmentForm form = new EnvironmentForm();
        form.name = input.name();
        form.tier = input.tier();
        form.baseUrl = input.baseUrl();
        form.targetKind = input.target().kind();
        // Stored settings leave out defaults; the editor shows the default as a placeholder instead.
        form.settings.putAll(input.target().settings());
        input.overrides().forEach(override -> form.overrides.add(OverrideRow.of(override)));
        return form;
    }

    EnvironmentInput toInput() {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (TargetSetting setting : getTargetSettings()) {
            String value = settings.get(setting.name());
            if (value != null && !value.isBlank()) {
                chosen.put(setting.name(), value);
            }
        }
        return new EnvironmentInput(name, tier, baseUrl, new EnvironmentInput.TargetInput(targetKind, chosen),
                overrides.stream().map(OverrideRow::toInput).toList());
    }

    /** The settings the chosen kind takes, in the kind's order; none for a kind this Capstan does not know. */
    public List<TargetSetting> getTargetSettings() {
        return kind().map(TargetKind::settings).orElse(List.of());
    }

    private Optional<TargetKind> kind() {
        for (TargetKind kind : TargetKind.values()) {
            if (Codes.code(kind).equals(targetKind)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public void addOverride() {
        overrides.add(new OverrideRow());
    }

    /** By identity: two rows may hold the same values. */
    public void removeOverride(OverrideRow row) {
        overrides.removeIf(r -> r == row);
    }

    /** How one service differs in this environment. */
    public static class OverrideRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private String service;
        private boolean disabled;
        private String livenessUrl;
        private String readinessUrl;

        static OverrideRow of(EnvironmentInput.OverrideInput input) {
            OverrideRow row = new OverrideRow();
            row.service = input.service();
            row.disabled = Boolean.TRUE.equals(input.disabled());
            row.livenessUrl = input.livenessUrl();
            row.readinessUrl = input.readinessUrl();
            return row;
        }

        EnvironmentInput.OverrideInput toInput() {
            return new EnvironmentInput.OverrideInput(service, disabled, livenessUrl, readinessUrl);
        }

        public String getService() {
            return service;
        }

        public void setService(String service) {
            this.service = service;
        }

        public boolean isDisabled() {
            return disabled;
        }

        public void setDisabled(boolean disabled) {
            this.disabled = disabled;
        }

        public String getLivenessUrl() {
            return livenessUrl;
        }

        public void setLivenessUrl(String livenessUrl) {
            this.livenessUrl = livenessUrl;
        }

        public String getReadinessUrl() {
            return readinessUrl;
        }

        public void setReadinessUrl(String readinessUrl) {
            this.readinessUrl = readinessUrl;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getTargetKind() {
        return targetKind;
    }

    public void setTargetKind(String targetKind) {
        this.targetKind = targetKind;
    }

    public Map<String, String> getSettings() {
        return settings;
    }

    public List<OverrideRow> getOverrides() {
        return overrides;
    }
}

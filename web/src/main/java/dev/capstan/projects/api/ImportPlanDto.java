package dev.capstan.projects.api;

import dev.capstan.projects.control.ImportPlan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What importing a project file would do (or did): each change with its fields before and after,
 * what the project has that the file does not mention, and the fingerprint that applies this plan.
 */
public record ImportPlanDto(String projectKey, boolean newProject, List<ChangeDto> changes, List<String> kept, String fingerprint) {

    public record ChangeDto(String operation, String type, String name, String summary, Map<String, FieldChangeDto> fields) {
    }

    public record FieldChangeDto(Object before, Object after) {
    }

    static ImportPlanDto of(ImportPlan plan) {
        return new ImportPlanDto(plan.projectKey(), plan.newProject(), plan.changes().stream().map(change -> {
            Map<String, FieldChangeDto> fields = new LinkedHashMap<>();
            change.fields().forEach((field, values) -> fields.put(field, new FieldChangeDto(values.get(0), values.get(1))));
            return new ChangeDto(change.operation().name().toLowerCase(), change.type(), change.name(), change.summary(), fields);
        }).toList(), plan.kept(), plan.fingerprint());
    }
}

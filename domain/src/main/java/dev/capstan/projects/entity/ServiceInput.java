package dev.capstan.projects.entity;

import dev.capstan.platform.Codes;
import dev.capstan.platform.Violations;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A service as a person wrote it, on a page, in the API or in YAML: text and numbers, not yet
 * checked. {@link #validate()} checks everything at once and names each bad field.
 */
public record ServiceInput(String name, String kind, Boolean essential, String image, String sourceRepository,
                           String defaultRef, Integer deployOrder, EndpointInput liveness, EndpointInput readiness,
                           List<SmokeCheckInput> smokeChecks) {

    public static final int DEFAULT_DEPLOY_ORDER = 100;
    public static final int MAX_SMOKE_CHECKS = 20;
    private static final int MAX_REFERENCE = 500;

    /** A health endpoint as written: URL (or path), expected status (200 if not given), JSON expectations. */
    public record EndpointInput(String url, Integer status, List<String> expectations) {
        public static final EndpointInput NONE = new EndpointInput(null, null, List.of());

        HealthEndpoint validate(Violations violations) {
            return HealthEndpoint.of(url, status, expectations, violations);
        }
    }

    public record SmokeCheckInput(String method, String path, Integer status, String bodyContains) {
    }

    public ServiceDefinition validate() {
        Violations violations = new Violations();
        String checkedName = violations.attempt("name", () -> Slug.of("name", "service name", name));
        ServiceKind checkedKind = kind == null || kind.isBlank() ? ServiceKind.APPLICATION
                : violations.attempt("kind", () -> Codes.parse(ServiceKind.class, "kind", "service kind", kind));
        String checkedImage = blankToNull(image);
        String checkedSource = blankToNull(sourceRepository);
        String checkedRef = blankToNull(defaultRef);
        violations.check(checkedImage != null || checkedSource != null, "image",
                "Give the image repository the service runs from, or the source repository it is built from.");
        violations.check(checkedImage == null || isReference(checkedImage), "image",
                "An image repository has no spaces and at most " + MAX_REFERENCE + " characters, like ghcr.io/acme/api.");
        violations.check(checkedSource == null || isReference(checkedSource), "sourceRepository",
                "A source repository has no spaces and at most " + MAX_REFERENCE + " characters, like https://github.com/acme/api.git.");
        violations.check(checkedRef == null || checkedSource != null, "defaultRef",
                "A default ref belongs to a source repository; give the repository too.");
        violations.check(checkedRef == null || isReference(checkedRef), "defaultRef",
                "A ref is a branch, tag or commit without spaces, like main.");
        int order = deployOrder == null ? DEFAULT_DEPLOY_ORDER : deployOrder;
        violations.check(order >= 0 && order <= 9999, "deployOrder", "The deploy order is a number from 0 to 9999.");
        HealthEndpoint checkedLiveness = (liveness == null ? EndpointInput.NONE : liveness).validate(violations.nested("liveness"));
        HealthEndpoint checkedReadiness = (readiness == null ? EndpointInput.NONE : readiness).validate(violations.nested("readiness"));
        List<SmokeCheck> checks = new ArrayList<>();
        List<SmokeCheckInput> given = smokeChecks == null ? List.of() : smokeChecks;
        boolean few = violations.check(given.size() <= MAX_SMOKE_CHECKS, "smokeChecks",
                "A service has at most " + MAX_SMOKE_CHECKS + " smoke checks; this one has " + given.size() + ".");
        List<SmokeCheckInput> inputs = few ? given : List.of();
        for (int i = 0; i < inputs.size(); i++) {
            SmokeCheckInput input = inputs.get(i);
            checks.add(SmokeCheck.of(input.method(), input.path(), input.status(), input.bodyContains(),
                    violations.nested("smokeChecks[" + i + "]")));
        }
        violations.throwIfAny();
        return new ServiceDefinition(checkedName, checkedKind, Boolean.TRUE.equals(essential), checkedImage, checkedSource,
                checkedRef, order, checkedLiveness, checkedReadiness, checks.stream().filter(Objects::nonNull).toList());
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static boolean isReference(String text) {
        return text.length() <= MAX_REFERENCE && text.chars().noneMatch(Character::isWhitespace);
    }
}

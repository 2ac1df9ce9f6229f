package dev.capstan.projects.api;

import dev.capstan.projects.boundary.ProjectDetails;
import dev.capstan.projects.entity.ServiceInput;

import java.util.List;

/**
 * A service as the API reads and writes it: the fields of {@link ServiceInput}, and the version
 * to send back with a change. A change may leave out the name; the address names the service.
 */
public record ServiceDto(String name, String kind, Boolean essential, String image, String sourceRepository,
                         String defaultRef, Integer deployOrder, EndpointDto liveness, EndpointDto readiness,
                         List<SmokeCheckDto> smokeChecks, Long version) {

    /** A health endpoint: URL or path, expected status (200 if not given), JSON expectations like {@code status == "ready"}. */
    public record EndpointDto(String url, Integer status, List<String> expectations) {
    }

    /** A request made after each deployment: method, path, the status it must answer, text the body must contain. */
    public record SmokeCheckDto(String method, String path, Integer status, String bodyContains) {
    }

    static ServiceDto of(ProjectDetails.ServiceView view) {
        ServiceInput input = view.definition().toInput();
        return new ServiceDto(input.name(), input.kind(), input.essential(), input.image(), input.sourceRepository(),
                input.defaultRef(), input.deployOrder(), endpoint(input.liveness()), endpoint(input.readiness()),
                input.smokeChecks().stream().map(c -> new SmokeCheckDto(c.method(), c.path(), c.status(), c.bodyContains())).toList(),
                view.version());
    }

    /** @param addressedName the name in the address, for a change that leaves it out; {@code null} when adding */
    ServiceInput toInput(String addressedName) {
        return new ServiceInput(name == null && addressedName != null ? addressedName : name, kind, essential, image,
                sourceRepository, defaultRef, deployOrder, input(liveness), input(readiness),
                smokeChecks == null ? null : smokeChecks.stream()
                        .map(c -> c == null ? new ServiceInput.SmokeCheckInput(null, null, null, null)
                                : new ServiceInput.SmokeCheckInput(c.method(), c.path(), c.status(), c.bodyContains()))
                        .toList());
    }

    private static EndpointDto endpoint(ServiceInput.EndpointInput endpoint) {
        return endpoint == null ? null : new EndpointDto(endpoint.url(), endpoint.status(), endpoint.expectations());
    }

    private static ServiceInput.EndpointInput input(EndpointDto endpoint) {
        return endpoint == null ? null : new ServiceInput.EndpointInput(endpoint.url(), endpoint.status(), endpoint.expectations());
    }
}

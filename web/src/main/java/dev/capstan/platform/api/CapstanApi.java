package dev.capstan.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Capstan's REST API, version 1. Resources live in each feature's {@code api} package; WildFly
 * describes them all in the OpenAPI document it serves at {@code /openapi}.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Capstan API", version = "1",
                description = "Projects, their services, environments and members. Errors are application/problem+json (RFC 9457)."),
        security = @SecurityRequirement(name = "session"))
@SecurityScheme(securitySchemeName = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        apiKeyName = "CAPSTAN_SESSION",
        description = "The session cookie of a sign-in at /signin.xhtml; calls without it answer 401.")
public class CapstanApi extends Application {
}

package dev.capstan.platform.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lists the error answers of every operation in the OpenAPI document, each a problem document
 * ({@code application/problem+json}, schema {@code Problem}): the ones any call may get, and those
 * that only calls with a body, or only calls about one project, may get. Registered in
 * META-INF/microprofile-config.properties ({@code mp.openapi.filter}).
 */
public class ErrorAnswers implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Input that breaks a rule, a field the operation does not know, a value of the wrong type or a NUL "
                + "character; errors names each field");
        errors.put("401", "No session or personal API token, or one that is unknown, expired or revoked");
        errors.put("403", "Signed in but not allowed, a password to change first, beyond the token's limits, or a bodyless POST "
                + "without X-Requested-With");
        errors.put("404", "No such project (or one the caller may not see), service, environment or member");
        if (operation.getRequestBody() != null) {
            errors.put("409", "The version sent is not the current one (or an import plan that is no longer the one shown)");
            errors.put("413", "A body over 1 MB");
            errors.put("415", "A body that is not application/json (project files: application/yaml)");
        }
        if (operation.getSummary() != null && operation.getSummary().startsWith("Import")) {
            errors.put("429", "Too many imports at once; Retry-After says when to try again");
        }
        errors.put("503", "Nothing was done: the audit trail could not record it, or the database is unreachable; Retry-After says when to try again");
        errors.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, problem(description));
            }
        });
        return operation.responses(responses);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem: the status says what kind, detail says what went wrong, errors names each field")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(OASFactory.createSchema()
                        .addType(Schema.SchemaType.OBJECT)
                        .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                        .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)))));
        openAPI.components(components);
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
    }
}

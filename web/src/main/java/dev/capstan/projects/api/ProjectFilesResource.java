package dev.capstan.projects.api;

import dev.capstan.platform.BusinessRuleException;
import dev.capstan.projects.boundary.ProjectConfig;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Config as code: a project as one YAML file (docs/config-as-code.md). {@link ProjectConfig} authorises and audits. */
@Path("projects")
@RequestScoped
@Tag(name = "config as code")
public class ProjectFilesResource {

    static final String YAML = "application/yaml";

    @EJB
    ProjectConfig config;

    @GET
    @Path("{key}/export")
    @Produces(YAML + ";charset=UTF-8")
    @Operation(summary = "Export a project as YAML",
            description = "Services, environments, targets (secrets by name only) and members by user name.")
    public String export(@PathParam("key") String key) {
        return config.export(key);
    }

    @POST
    @Path("import")
    @Consumes(YAML)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a project file: a dry run, or applying the plan it showed",
            description = "Without plan: what the import would change, and changes nothing. With plan=<fingerprint> of that "
                    + "dry run: applies it, unless the project changed since (409). Creates or updates; never removes.")
    public ImportPlanDto importFile(
            @Parameter(description = "The fingerprint of the dry run to apply; leave out for a dry run") @QueryParam("plan") String plan,
            String file) {
        if (file == null || file.isBlank()) {
            throw new BusinessRuleException("Send the project file as the body (Content-Type: application/yaml).");
        }
        String text = file;
        return ImportPlanDto.of(plan == null || plan.isBlank() ? config.preview(text) : config.apply(text, plan.strip()));
    }
}

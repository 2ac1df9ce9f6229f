package dev.capstan.projects.api;

import dev.capstan.platform.Violations;
import dev.capstan.platform.api.Bodies;
import dev.capstan.platform.api.QueryParams;
import dev.capstan.projects.boundary.ProjectDetails;
import dev.capstan.projects.boundary.ProjectPage;
import dev.capstan.projects.boundary.Projects;
import dev.capstan.projects.control.ProjectFilter;
import dev.capstan.projects.control.ProjectSort;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/** Projects: list, create, read, change, archive. {@link Projects} authorises and audits each call. */
@Path("projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "projects")
public class ProjectsResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @EJB
    Projects projects;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List the projects you may see",
            description = "Administrators and auditors see every project, everyone else the projects they are a member of. "
                    + "q filters on key, name and team; archived=true includes archived projects.")
    public ProjectPageDto list(
            @Parameter(description = "Text in the key, name or team") @QueryParam("q") String q,
            @Parameter(description = "true to include archived projects", schema = @Schema(implementation = Boolean.class))
            @QueryParam("archived") String archived,
            @Parameter(description = "key (default), name, owningTeam or createdAt") @QueryParam("sort") String sort,
            @Parameter(description = "asc (default) or desc") @QueryParam("order") String order,
            @Parameter(description = "Projects to skip; default 0", schema = @Schema(implementation = Integer.class))
            @QueryParam("offset") String offset,
            @Parameter(description = "Projects on the page, 1 to 500; default 50", schema = @Schema(implementation = Integer.class))
            @QueryParam("limit") String limit) {
        Violations violations = new Violations();
        boolean includeArchived = QueryParams.flag(archived, "archived", violations);
        violations.check(sort == null || sort.isEmpty() || ProjectSort.sortsBy(sort), "sort",
                "Sort by key, name, owningTeam or createdAt.");
        violations.check(order == null || order.isEmpty() || order.equals("asc") || order.equals("desc"), "order",
                "The order is asc or desc.");
        int first = QueryParams.number(offset, "offset", 0, 0, Integer.MAX_VALUE, violations);
        int size = QueryParams.number(limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, violations);
        violations.throwIfAny();
        ProjectPage page = projects.page(new ProjectFilter(Optional.ofNullable(q), includeArchived),
                ProjectSort.of(sort, !"desc".equals(order)), first, size);
        return new ProjectPageDto(page.rows().stream().map(ProjectSummaryDto::of).toList(), page.total(), first, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a project", description = "A creator who is not an administrator becomes its first maintainer.")
    @APIResponse(responseCode = "201", description = "Created; Location names the project",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectDto.class)))
    public Response create(ProjectFieldsDto body) {
        ProjectDetails created = projects.create(Bodies.required(body).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(created.key()).build()).entity(ProjectDto.of(created)).build();
    }

    @GET
    @Path("{key}")
    @Operation(summary = "Read a project with its services, environments and members")
    public ProjectDto get(@PathParam("key") String key) {
        return ProjectDto.of(projects.get(key));
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a project's name, description and team",
            description = "Send the version you read; if someone changed the project since, the answer is 409 and nothing is overwritten.")
    public ProjectDto update(@PathParam("key") String key, ProjectFieldsDto body) {
        Bodies.required(body);
        return ProjectDto.of(projects.describe(key, body.toInput(), Bodies.version(body.version())));
    }

    @POST
    @Path("{key}/archive")
    @Operation(summary = "Archive a project", description = "It stays readable and changes nothing until it is unarchived.")
    @APIResponse(responseCode = "204", description = "Archived")
    public void archive(@PathParam("key") String key) {
        projects.archive(key);
    }

    @POST
    @Path("{key}/unarchive")
    @Operation(summary = "Unarchive a project")
    @APIResponse(responseCode = "204", description = "Unarchived")
    public void unarchive(@PathParam("key") String key) {
        projects.unarchive(key);
    }
}

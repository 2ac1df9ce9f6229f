package dev.capstan.environments.api;

import dev.capstan.environments.boundary.Environments;
import dev.capstan.platform.NotFoundException;
import dev.capstan.platform.api.Bodies;
import dev.capstan.projects.boundary.ProjectDetails;
import dev.capstan.projects.boundary.Projects;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** A project's environments. Reads go through {@link Projects#get}, changes through {@link Environments}. */
@Path("projects/{key}/environments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "environments")
public class EnvironmentsResource {

    @EJB
    Projects projects;

    @EJB
    Environments environments;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List a project's environments, by tier")
    public List<EnvironmentDto> list(@PathParam("key") String key) {
        return projects.get(key).environments().stream().map(EnvironmentDto::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an environment", description = "tier is development, staging or production.")
    @APIResponse(responseCode = "201", description = "Added; Location names the environment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnvironmentDto.class)))
    public Response add(@PathParam("key") String key, EnvironmentDto body) {
        EnvironmentDto added = EnvironmentDto.of(environments.add(key, Bodies.required(body).toInput(null)));
        return Response.created(uri.getAbsolutePathBuilder().path(added.name()).build()).entity(added).build();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Read an environment")
    public EnvironmentDto get(@PathParam("key") String key, @PathParam("name") String name) {
        ProjectDetails project = projects.get(key);
        return project.environments().stream().filter(e -> e.name().equals(name)).findFirst().map(EnvironmentDto::of)
                .orElseThrow(() -> new NotFoundException("Project " + project.key() + " has no environment named " + name + "."));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an environment", description = "Send the version you read; an environment keeps its name.")
    public EnvironmentDto update(@PathParam("key") String key, @PathParam("name") String name, EnvironmentDto body) {
        Bodies.required(body);
        return EnvironmentDto.of(environments.update(key, name, body.toInput(name), Bodies.version(body.version())));
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Remove an environment")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("key") String key, @PathParam("name") String name) {
        environments.remove(key, name);
    }
}

package dev.capstan.projects.api;

import dev.capstan.platform.NotFoundException;
import dev.capstan.platform.api.Bodies;
import dev.capstan.projects.boundary.ProjectDetails;
import dev.capstan.projects.boundary.Projects;
import dev.capstan.projects.boundary.Services;
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

/** A project's services. Reads go through {@link Projects#get}, changes through {@link Services}. */
@Path("projects/{key}/services")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "services")
public class ServicesResource {

    @EJB
    Projects projects;

    @EJB
    Services services;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List a project's services, in deploy order")
    public List<ServiceDto> list(@PathParam("key") String key) {
        return projects.get(key).services().stream().map(ServiceDto::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a service")
    @APIResponse(responseCode = "201", description = "Added; Location names the service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceDto.class)))
    public Response add(@PathParam("key") String key, ServiceDto body) {
        ServiceDto added = ServiceDto.of(services.add(key, Bodies.required(body).toInput(null)));
        return Response.created(uri.getAbsolutePathBuilder().path(added.name()).build()).entity(added).build();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Read a service")
    public ServiceDto get(@PathParam("key") String key, @PathParam("name") String name) {
        ProjectDetails project = projects.get(key);
        return project.services().stream().filter(s -> s.name().equals(name)).findFirst().map(ServiceDto::of)
                .orElseThrow(() -> new NotFoundException("Project " + project.key() + " has no service named " + name + "."));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a service", description = "Send the version you read; a service keeps its name.")
    public ServiceDto update(@PathParam("key") String key, @PathParam("name") String name, ServiceDto body) {
        Bodies.required(body);
        return ServiceDto.of(services.update(key, name, body.toInput(name), Bodies.version(body.version())));
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Remove a service", description = "Environments' overrides of it go with it.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("key") String key, @PathParam("name") String name) {
        services.remove(key, name);
    }
}

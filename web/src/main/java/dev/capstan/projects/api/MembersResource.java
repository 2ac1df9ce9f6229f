package dev.capstan.projects.api;

import dev.capstan.platform.Codes;
import dev.capstan.platform.NotFoundException;
import dev.capstan.platform.api.Bodies;
import dev.capstan.projects.boundary.Members;
import dev.capstan.projects.boundary.ProjectDetails;
import dev.capstan.projects.boundary.Projects;
import dev.capstan.projects.entity.ProjectRole;
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

/** Who belongs to a project, with which role. Reads go through {@link Projects#get}, changes through {@link Members}. */
@Path("projects/{key}/members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "members")
public class MembersResource {

    @EJB
    Projects projects;

    @EJB
    Members members;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List a project's members")
    public List<MemberDto> list(@PathParam("key") String key) {
        return projects.get(key).members().stream().map(MemberDto::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a member", description = "role is maintainer, deployer or viewer.")
    @APIResponse(responseCode = "201", description = "Added; Location names the membership",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberDto.class)))
    public Response add(@PathParam("key") String key, MemberDto body) {
        Bodies.required(body);
        MemberDto added = MemberDto.of(members.add(key, body.username(), role(body.role()), Boolean.TRUE.equals(body.productionDeploys())));
        return Response.created(uri.getAbsolutePathBuilder().path(added.username()).build()).entity(added).build();
    }

    @GET
    @Path("{username}")
    @Operation(summary = "Read a membership")
    public MemberDto get(@PathParam("key") String key, @PathParam("username") String username) {
        ProjectDetails project = projects.get(key);
        return project.members().stream().filter(m -> m.username().equals(username)).findFirst().map(MemberDto::of)
                .orElseThrow(() -> new NotFoundException(username + " is not a member of " + project.key() + "."));
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a member's role", description = "Send the version you read. A project keeps at least one maintainer.")
    public MemberDto update(@PathParam("key") String key, @PathParam("username") String username, MemberDto body) {
        Bodies.required(body);
        return MemberDto.of(members.change(key, username, role(body.role()), Boolean.TRUE.equals(body.productionDeploys()),
                Bodies.version(body.version())));
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Remove a member", description = "A project keeps at least one maintainer.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("key") String key, @PathParam("username") String username) {
        members.remove(key, username);
    }

    /** No role given is left to the project, which asks for one. */
    private static ProjectRole role(String code) {
        return code == null || code.isBlank() ? null : Codes.parse(ProjectRole.class, "role", "project role", code);
    }
}

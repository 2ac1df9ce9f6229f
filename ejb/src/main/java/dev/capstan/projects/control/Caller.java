package dev.capstan.projects.control;

import dev.capstan.access.entity.GlobalRole;
import jakarta.ejb.EJBContext;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is calling a boundary, as the container's security context says: name and global roles. */
public record Caller(String username, Set<GlobalRole> roles) {

    public static Caller of(EJBContext context) {
        return new Caller(context.getCallerPrincipal().getName(), Arrays.stream(GlobalRole.values())
                .filter(role -> context.isCallerInRole(role.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(GlobalRole.class))));
    }
}

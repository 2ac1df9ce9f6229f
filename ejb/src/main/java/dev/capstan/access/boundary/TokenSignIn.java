package dev.capstan.access.boundary;

import dev.capstan.access.entity.TokenLimits;

import java.util.Set;

/** A call signed in with a personal API token: whose, with which global roles, within which limits. */
public record TokenSignIn(String username, Set<String> roles, TokenLimits limits) {
}

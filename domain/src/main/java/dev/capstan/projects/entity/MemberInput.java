package dev.capstan.projects.entity;

/** A membership as written: the user's name, the role (maintainer, deployer, viewer), production deploys allowed. */
public record MemberInput(String username, String role, Boolean productionDeploys) {
}

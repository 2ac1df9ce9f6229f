package dev.capstan.environments.entity;

/** How much an environment matters; production deployments need a membership that allows them. */
public enum Tier {
    DEVELOPMENT, STAGING, PRODUCTION
}

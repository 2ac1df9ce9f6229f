/**
 * Environments of a project: tier, base URL, the deployment target (a typed, versioned
 * {@link dev.capstan.environments.entity.DeploymentTarget}) and per-service overrides. They change
 * through their {@link dev.capstan.projects.entity.Project}.
 */
package dev.capstan.environments.entity;

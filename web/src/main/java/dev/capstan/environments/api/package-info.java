/**
 * A project's environments over REST ({@code /api/v1/projects/{key}/environments}): a thin
 * resource over {@code environments.boundary.Environments}, with DTO records on the wire.
 */
package dev.capstan.environments.api;

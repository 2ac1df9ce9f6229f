/**
 * Projects: a team's system as Capstan knows it. A {@link dev.capstan.projects.entity.Project}
 * owns its {@link dev.capstan.projects.entity.Service services}, its environments
 * ({@code dev.capstan.environments.entity}) and its {@link dev.capstan.projects.entity.Membership
 * members}; {@link dev.capstan.projects.entity.ProjectStanding} decides who may do what with it.
 * Input arrives as {@code *Input} records (pages, API, YAML) and is checked into definitions
 * with every problem named at once.
 */
package dev.capstan.projects.entity;

/**
 * The environments tab of a project's page: its table and the editor whose target settings
 * follow the chosen {@link dev.capstan.environments.entity.TargetKind}.
 */
package dev.capstan.environments.ui;

/**
 * Helpers of projects: the one way a project is changed and audited ({@code AuditedChange}), a
 * whole project as a YAML file (config as code), read with every problem located.
 */
package dev.capstan.projects.control;

/**
 * The project pages: the projects list, and a project's page with its overview, services and
 * members (its environments tab is {@code dev.capstan.environments.ui}). Beans hold what a
 * dialog is editing and call one boundary method per action; the boundaries decide who may.
 */
package dev.capstan.projects.ui;

/**
 * Access: users, their global roles, password rules, sign-in and lockout. Project memberships
 * arrive with the catalog.
 */
package dev.capstan.access.entity;

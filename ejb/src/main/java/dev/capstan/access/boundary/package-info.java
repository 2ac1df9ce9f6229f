/**
 * Access boundaries: sign-in (open to all), user administration (ADMIN), a person's own account
 * (any signed-in role), and the first administrator created at first start.
 */
package dev.capstan.access.boundary;

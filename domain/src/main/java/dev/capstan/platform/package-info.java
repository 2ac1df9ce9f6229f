/** What every feature shares: the business exceptions that turn into messages for users, and the portal's own readiness check. */
package dev.capstan.platform;

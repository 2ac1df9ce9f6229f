/**
 * The REST API's frame, shared by every feature's {@code api} package: the application at
 * {@code /api/v1}, the one filter that lets only signed-in callers in, and the one exception
 * mapper that answers every error as {@code application/problem+json} (RFC 9457).
 */
package dev.capstan.platform.api;

/** Helpers of the access boundaries: user queries, the session registry, the lockout policy. */
package dev.capstan.access.control;

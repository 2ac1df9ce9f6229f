/** Helpers of the audit trail: the server-side keys, the request a change came from, its status for monitoring. */
package dev.capstan.audit.control;

/** Helpers of the audit trail: the server-side keys, the request a change came from. */
package dev.capstan.audit.control;

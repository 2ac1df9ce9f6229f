/**
 * The audit trail every feature writes to ({@link dev.capstan.audit.boundary.AuditTrail}), and the
 * verification of the chain.
 */
package dev.capstan.audit.boundary;

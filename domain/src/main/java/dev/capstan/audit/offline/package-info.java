/**
 * The audit trail outside the server: the JSON Lines export format and the offline verifier
 * ({@code java -jar audit-verify.jar export.jsonl --public-key audit-checkpoint.pub}), which needs
 * nothing but a JDK.
 */
package dev.capstan.audit.offline;

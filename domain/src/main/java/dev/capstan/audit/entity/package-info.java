/**
 * The audit trail's record and its rules: what an entry holds, its canonical form and hash, the
 * chain that links entries, keyed digests of secret values, and the verification that finds the
 * first damaged entry. The classes that do not carry JPA annotations run without a server, so
 * the offline verifier shares them.
 */
package dev.capstan.audit.entity;

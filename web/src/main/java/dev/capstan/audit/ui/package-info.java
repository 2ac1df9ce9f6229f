/** The audit trail in the web tier: where requests come from, and refusals the pages see. */
package dev.capstan.audit.ui;

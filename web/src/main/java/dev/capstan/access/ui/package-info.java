/** Sign-in, sign-out, the own-password page and the Users page. */
package dev.capstan.access.ui;

/** What every feature shares: the business exceptions that turn into messages for users. */
package dev.capstan.platform;

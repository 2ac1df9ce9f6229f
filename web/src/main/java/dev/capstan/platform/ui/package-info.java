/** The page shell every feature uses: navigation, display preferences, business-error messages. */
package dev.capstan.platform.ui;

/** Helpers of projects: a whole project as a YAML file (config as code), read with every problem located. */
package dev.capstan.projects.control;

/**
 * Projects over REST ({@code /api/v1/projects}, their services and members): thin resources
 * over the {@code projects.boundary} facades, which authorise and audit every call. Only DTO
 * records go over the wire; field names follow the domain's {@code *Input} records and enum
 * values are lower-case codes ({@link dev.capstan.platform.Codes}).
 */
package dev.capstan.projects.api;

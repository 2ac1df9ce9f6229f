package dev.capstan.projects.boundary;

import java.util.List;

/** One page of projects and how many match the filter in all. */
public record ProjectPage(List<ProjectSummary> rows, long total) {
}

package dev.capstan.projects.api;

import java.util.List;

/** One page of projects: the items from {@code offset}, at most {@code limit}, of {@code total} that match. */
public record ProjectPageDto(List<ProjectSummaryDto> items, long total, int offset, int limit) {
}

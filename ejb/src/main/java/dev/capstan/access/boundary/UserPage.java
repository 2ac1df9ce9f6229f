package dev.capstan.access.boundary;

import java.util.List;

/** One page of users and how many match the filter in all. */
public record UserPage(List<UserView> rows, long total) {
}

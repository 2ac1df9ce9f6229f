package dev.capstan.platform.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every API call. Without a resolver RESTEasy builds a new one for each
 * request and closes it after, so each answer paid for JSON-B's start-up and for working out its
 * classes' mapping again: under load that was half the CPU of {@code GET /api/v1/projects}.
 * Its settings are JSON-B's defaults, as before.
 */
@Provider
public class SharedJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}

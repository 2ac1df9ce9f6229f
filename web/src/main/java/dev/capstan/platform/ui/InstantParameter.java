package dev.capstan.platform.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A moment in a page's address, written as an ISO 8601 UTC instant ({@code 2026-11-26T10:40:00Z}):
 * a link means the same moment to a colleague in another time zone. A time that cannot be read
 * is named in a message, and the page shows what it would without it.
 */
@FacesConverter("instantParameter")
public class InstantParameter implements Converter<Instant> {

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            String message = "The address holds a time that cannot be read (\"" + shown
                    + "\"); write it in UTC as 2026-11-26T10:40:00Z.";
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return value == null ? "" : value.toString();
    }
}

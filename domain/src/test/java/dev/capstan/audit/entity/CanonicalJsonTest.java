package dev.capstan.audit.entity;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CanonicalJsonTest {

    @Test
    void objectKeysAreSortedWhateverTheInsertionOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("zeta", 1);
        map.put("alpha", List.of("b", "a"));
        map.put("mid", Map.of("y", true, "x", false));
        assertEquals("{\"alpha\":[\"b\",\"a\"],\"mid\":{\"x\":false,\"y\":true},\"zeta\":1}", CanonicalJson.write(map));
    }

    @Test
    void stringsEscapeOnlyQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001 é ✓\"", CanonicalJson.write("a\"b\\c\nd\te\u0001 é ✓"));
    }

    @Test
    void nullsAndWholeNumbersAreWrittenAsJsonValuesAndAnythingElseAsText() {
        assertEquals("[null,42,-7,\"1.50\",\"SUCCEEDED\"]",
                CanonicalJson.write(Arrays.asList(null, 42L, -7, new java.math.BigDecimal("1.50"), AuditOutcome.SUCCEEDED)));
    }
}

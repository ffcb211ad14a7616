package dev.jwtauthorizer.log;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jwtauthorizer.support.LogCapture;
import java.util.ArrayList;
import java.util.List;

/** The log lines some work writes, each parsed strictly as one JSON object. */
final class LogLines {
    private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private LogLines() {
    }

    static List<JsonNode> capture(Runnable work) {
        return parse(LogCapture.capture(work));
    }

    static List<JsonNode> parse(String log) {
        assertTrue(log.isEmpty() || log.endsWith("\n"), "the log ends mid-line");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            // Jazzer's agent, once a fuzz test has run in this JVM, notes each class it instruments.
            if (line.isEmpty() || line.startsWith("INFO: Instrumented ")) {
                continue;
            }
            try {
                JsonNode node = STRICT.readTree(line);
                assertTrue(node.isObject(), "not a JSON object: " + line);
                lines.add(node);
            } catch (JsonProcessingException e) {
                fail("not JSON: " + line, e);
            }
        }
        return lines;
    }

    /** Full decision lines (not metrics-only ones). */
    static List<JsonNode> decisions(List<JsonNode> lines) {
        return lines.stream().filter(line -> "decision".equals(line.path("event").asText(null))).toList();
    }

    /** Lines that carry decision metrics: full decision lines and metrics-only ones. */
    static List<JsonNode> decisionCounts(List<JsonNode> lines) {
        return lines.stream().filter(line -> line.has(Metric.DECISIONS.metricName())).toList();
    }

    static List<JsonNode> named(List<JsonNode> lines, String event) {
        return lines.stream().filter(line -> event.equals(line.path("event").asText(null))).toList();
    }
}

package eu.borderviolence.registry.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import eu.borderviolence.registry.api.error.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The auditor's view of the event stream: every stored event with its payload, type, revision, timestamp, metadata
 * and global position, read straight from the event table, so what is shown is what is stored.
 */
@RestController
@RequestMapping(path = "/api/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "Page through the raw event stream.")
public class EventStreamController {

    static final int MAX_LIMIT = 1000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    EventStreamController(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Operation(summary = "Read the event stream",
            description = "Events with a position greater than 'after', in position order. Start with after=0 and "
                    + "pass each page's 'next' as the following 'after'.")
    @GetMapping
    public EventStreamPage events(
            @Parameter(description = "Position to read after; 0 reads from the beginning.")
            @RequestParam(defaultValue = "0") long after,
            @Parameter(description = "Most events to return, 1 to 1000.")
            @RequestParam(defaultValue = "100") int limit) {
        if (after < 0) {
            throw new InvalidRequestException("after", "must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        List<StoredEvent> events = jdbc.query(
                "select global_index, event_identifier, type, aggregate_identifier, sequence_number, time_stamp, "
                        + "payload_type, payload_revision, payload, meta_data from domain_event_entry "
                        + "where global_index > ? order by global_index limit ?",
                (rs, i) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), tree(rs.getBytes(9)),
                        tree(rs.getBytes(10))),
                after, limit + 1);
        boolean hasMore = events.size() > limit;
        List<StoredEvent> page = hasMore ? events.subList(0, limit) : events;
        long next = page.isEmpty() ? after : page.get(page.size() - 1).position();
        return new EventStreamPage(List.copyOf(page), next, hasMore);
    }

    private JsonNode tree(byte[] stored) {
        if (stored == null) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("an event in the store is not JSON", e);
        }
    }
}

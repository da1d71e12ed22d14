package eu.borderviolence.registry.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import eu.borderviolence.registry.api.error.IdempotencyKeyReusedException;
import eu.borderviolence.registry.api.error.InvalidRequestException;
import eu.borderviolence.registry.core.api.AlreadyRecordedException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Makes a creating request safe to retry under an {@code Idempotency-Key}.
 *
 * <p>Two mechanisms work together. The identifiers of what the request creates are derived from the organisation,
 * the scope and the key, so a retry, even one racing the first attempt on another thread or node, creates the same
 * aggregates, and the event store's unique (aggregate, sequence) index lets only one of them in. The idempotency
 * record remembers a hash of the request and its result, so a retry with the same body returns the original result
 * and a retry with a different body is refused.
 */
@Component
public class IdempotentRequests {

    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    /** Canonical JSON of a request: sorted keys, so equal requests hash equally whatever the client's field order. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final EventStore events;

    public IdempotentRequests(JdbcTemplate jdbc, ObjectMapper json, Clock clock, EventStore events) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** The version of a stored aggregate, empty when no event of it is stored. */
    public Optional<Long> storedVersion(String aggregateId) {
        return events.lastSequenceNumberFor(aggregateId);
    }

    /** The outcome of a request: its result, and whether it was replayed from an earlier identical request. */
    public record Outcome<R>(R result, boolean replayed) {
    }

    /**
     * Runs {@code action} at most once per (organisation, scope, key) and request body.
     *
     * @param name          a name unique to this request, derived from organisation, scope and key; the action
     *                      derives the ids it creates from it
     * @param action        does the work; given {@code name}
     * @param alreadyStored rebuilds the result when the action collided with an earlier attempt that stored it, or
     *                      is empty when nothing under {@code name} is stored: then the collision was with another
     *                      request (a concurrent change to the same incident) and is the caller's to see
     */
    public <R> Outcome<R> execute(String organisation, String scope, String key, Object request, Class<R> resultType,
                                  Function<String, R> action, Function<String, Optional<R>> alreadyStored) {
        validate(key);
        String name = organisation + "\n" + scope + "\n" + key;
        String hash = hash(request);
        List<Stored> existing = find(organisation, scope, key);
        if (existing.isEmpty()) {
            try {
                jdbc.update("insert into idempotency_record (organisation, scope, idempotency_key, request_hash, "
                        + "created_at) values (?, ?, ?, ?, ?)", organisation, scope, key, hash, now());
            } catch (DuplicateKeyException raced) {
                existing = find(organisation, scope, key);
            }
        }
        if (!existing.isEmpty()) {
            Stored stored = existing.get(0);
            if (!stored.requestHash().equals(hash)) {
                throw new IdempotencyKeyReusedException();
            }
            if (stored.resultJson() != null) {
                return new Outcome<>(read(stored.resultJson(), resultType), true);
            }
            // Another attempt is under way or was cut off before it recorded its result: the derived ids make
            // running the action again safe; it either stores the request or collides with what the other stored.
        }
        R result;
        boolean replayed = false;
        try {
            result = action.apply(name);
        } catch (AggregateStreamCreationException | ConcurrencyException | AlreadyRecordedException collided) {
            Optional<R> earlier = alreadyStored.apply(name);
            if (earlier.isEmpty()) {
                forget(organisation, scope, key, hash);
                throw collided;
            }
            result = earlier.get();
            replayed = true;
        } catch (RuntimeException refused) {
            forget(organisation, scope, key, hash);
            throw refused;
        }
        jdbc.update("update idempotency_record set result_json = ?, completed_at = ? where organisation = ? "
                + "and scope = ? and idempotency_key = ?", write(result), now(), organisation, scope, key);
        return new Outcome<>(result, replayed);
    }

    /** A refused request leaves no record, so the client may correct it and retry under the same key. */
    private void forget(String organisation, String scope, String key, String hash) {
        jdbc.update("delete from idempotency_record where organisation = ? and scope = ? and idempotency_key = ? "
                + "and request_hash = ? and result_json is null", organisation, scope, key, hash);
    }

    private List<Stored> find(String organisation, String scope, String key) {
        return jdbc.query("select request_hash, result_json from idempotency_record where organisation = ? "
                        + "and scope = ? and idempotency_key = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2)), organisation, scope, key);
    }

    private record Stored(String requestHash, String resultJson) {
    }

    private static void validate(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
    }

    private static String hash(Object request) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }

    private String write(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record the result", e);
        }
    }

    private <R> R read(String stored, Class<R> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the recorded result", e);
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}

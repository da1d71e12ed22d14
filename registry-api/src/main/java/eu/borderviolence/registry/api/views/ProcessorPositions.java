package eu.borderviolence.registry.api.views;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Where every processor stands across all nodes, read from the shared token store rather than from this node's
 * processors: on a node that holds none of a view's segments, its own processor knows nothing, while the token store
 * holds each segment's committed position and which node claims it. Positions are committed together with the views'
 * rows, so a position here is one the views really reflect.
 */
@Component
public class ProcessorPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Clock clock;
    private final Duration claimTimeout;

    public ProcessorPositions(JdbcTemplate jdbc, Serializer serializer, Clock clock,
                              @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
        this.claimTimeout = claimTimeout;
    }

    /** One segment of a processor: how far it has processed, and which node claims it since when. */
    public record Segment(int segment, OptionalLong position, String owner, Instant claimedAt) {

        /** Claimed by a node that has renewed its claim within the claim timeout. */
        boolean liveClaim(Instant now, Duration claimTimeout) {
            return owner != null && claimedAt != null && claimedAt.plus(claimTimeout).isAfter(now);
        }
    }

    /** Every processor's segments, by processor name. */
    public Map<String, List<Segment>> all() {
        Map<String, List<Segment>> processors = new TreeMap<>();
        jdbc.query("select processor_name, segment, owner, timestamp, token_type, token from token_entry "
                + "order by processor_name, segment", rs -> {
            processors.computeIfAbsent(rs.getString(1), name -> new ArrayList<>()).add(new Segment(rs.getInt(2),
                    position(rs.getString(5), rs.getBytes(6)), rs.getString(3), instant(rs.getString(4))));
        });
        return processors;
    }

    /** One processor's segments; empty before it has ever run. */
    public List<Segment> of(String processor) {
        List<Segment> segments = new ArrayList<>();
        jdbc.query("select segment, owner, timestamp, token_type, token from token_entry where processor_name = ? "
                + "order by segment", rs -> {
            segments.add(new Segment(rs.getInt(1), position(rs.getString(4), rs.getBytes(5)), rs.getString(2),
                    instant(rs.getString(3))));
        }, processor);
        return segments;
    }

    /**
     * The slowest segment's position, taking each segment this node processes from its processor, which also knows
     * how far it has passed over events that were not the segment's to handle (stored in the token table only at the
     * next claim extension); the other segments from the token table. -1 when there are no segments or one has
     * processed nothing yet.
     */
    public static long slowest(List<Segment> committed, Map<Integer, EventTrackerStatus> local) {
        if (committed.isEmpty()) {
            return -1;
        }
        long slowest = Long.MAX_VALUE;
        for (Segment segment : committed) {
            EventTrackerStatus here = local.get(segment.segment());
            long position = Math.max(segment.position().orElse(-1),
                    here == null || here.isErrorState() ? -1 : here.getCurrentPosition().orElse(-1));
            slowest = Math.min(slowest, position);
        }
        return slowest;
    }

    /** True when some node processes every segment: each is claimed by a node that renewed its claim in time. */
    public boolean everySegmentClaimed(List<Segment> segments) {
        Instant now = clock.instant();
        return !segments.isEmpty() && segments.stream().allMatch(segment -> segment.liveClaim(now, claimTimeout));
    }

    private OptionalLong position(String type, byte[] token) {
        if (type == null || token == null) {
            return OptionalLong.empty();
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? OptionalLong.empty() : tracking.position();
    }

    private static Instant instant(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return Instant.parse(stored);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

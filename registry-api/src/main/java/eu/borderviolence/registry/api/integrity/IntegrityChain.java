package eu.borderviolence.registry.api.integrity;

import eu.borderviolence.registry.projections.BatchStatements;
import eu.borderviolence.registry.projections.ProcessorBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends every stored event to the hash chain. It runs as the processor {@value #PROCESSING_GROUP} with a single
 * segment, so one thread on one node links events one after the other, in the order the processor receives them;
 * its token and the links it appends commit together. Concurrent writers may commit out of global order (a
 * transaction holding position 41 commits after the one holding 42); Axon's gap-aware token then delivers 41 later,
 * and the chain links it later. Links are numbered in that order, and each names the event's global position, so
 * the verification follows the links, not the positions.
 *
 * <p>The events of one batch of the processor are linked together when the batch commits: their stored rows are
 * read in one statement and their links written in one JDBC batch, in the order the events were received. Linking
 * each event on its own took four statements per event, and the chain fell behind the views (about 260 events per
 * second on PostgreSQL; docs/benchmarks.md).
 *
 * <p>It is not a view: it is never reset or rebuilt ({@link DisallowReplay}), since rebuilding the chain from the
 * events would bless any change made to them.
 */
@Component
@ProcessingGroup(IntegrityChain.PROCESSING_GROUP)
public class IntegrityChain {

    public static final String PROCESSING_GROUP = "integrity-chain";

    /** The unit of work's resource holding the identifiers of the batch's events still to be linked. */
    private static final String PENDING = IntegrityChain.class.getName() + ".pending";
    /** Events read and linked per statement. */
    private static final int SLICE = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    IntegrityChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Takes the message, not its payload: the chain hashes the stored row, so the event is never deserialized. */
    @EventHandler
    @DisallowReplay
    void on(EventMessage<?> event) {
        String eventIdentifier = event.getIdentifier();
        // A processor always applies its events in a unit of work, so the batch is always there.
        ProcessorBatch.once(PENDING, batch -> {
            List<String> identifiers = new ArrayList<>();
            batch.onPrepareCommit(committing -> link(identifiers));
            return identifiers;
        }).orElseThrow().add(eventIdentifier);
    }

    /** Links the events, in this order, after the chain's last link; events already linked are left as they are. */
    private void link(List<String> eventIdentifiers) {
        List<Link> previous = jdbc.query("select link_number, chain_hash from event_chain "
                + "order by link_number desc fetch first 1 rows only", (rs, i) -> new Link(rs.getLong(1), rs.getString(2)));
        Link last = previous.isEmpty() ? new Link(0, StoredEventRow.GENESIS) : previous.get(0);
        // In slices, so that a large processor batch size never makes a statement with more parameters than the
        // database accepts.
        for (int from = 0; from < eventIdentifiers.size(); from += SLICE) {
            last = link(eventIdentifiers.subList(from, Math.min(from + SLICE, eventIdentifiers.size())), last);
        }
    }

    private Link link(List<String> eventIdentifiers, Link last) {
        Map<String, StoredEventRow> rows = new HashMap<>();
        named.query("select " + StoredEventRow.COLUMNS + " from domain_event_entry "
                + "where event_identifier in (:identifiers)", new MapSqlParameterSource("identifiers", eventIdentifiers),
                rs -> {
                    StoredEventRow row = StoredEventRow.read(rs);
                    rows.put(row.eventIdentifier(), row);
                });
        if (rows.isEmpty()) {
            return last;
        }
        Set<Long> linked = new HashSet<>(named.queryForList("select global_index from event_chain "
                + "where global_index in (:positions)", new MapSqlParameterSource("positions",
                rows.values().stream().map(StoredEventRow::globalIndex).toList()), Long.class));
        List<Object[]> links = new ArrayList<>();
        for (String eventIdentifier : eventIdentifiers) {
            StoredEventRow row = rows.get(eventIdentifier);
            if (row == null || !linked.add(row.globalIndex())) {
                continue;
            }
            String eventHash = row.hash();
            last = new Link(last.number() + 1, StoredEventRow.link(last.chainHash(), eventHash));
            links.add(new Object[] {last.number(), row.globalIndex(), row.eventIdentifier(), eventHash,
                    last.chainHash()});
        }
        if (!links.isEmpty()) {
            BatchStatements.batch(jdbc, "insert into event_chain (link_number, global_index, event_identifier, "
                    + "event_hash, chain_hash) values (?, ?, ?, ?, ?)", links);
        }
        return last;
    }

    private record Link(long number, String chainHash) {
    }
}

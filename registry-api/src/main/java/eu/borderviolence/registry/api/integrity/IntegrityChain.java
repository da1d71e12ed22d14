package eu.borderviolence.registry.api.integrity;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Appends every stored event to the hash chain. It runs as the processor {@value #PROCESSING_GROUP} with a single
 * segment, so one thread on one node links events one after the other, in the order the processor receives them;
 * its token and the links it appends commit together. Concurrent writers may commit out of global order (a
 * transaction holding position 41 commits after the one holding 42); Axon's gap-aware token then delivers 41 later,
 * and the chain links it later. Links are numbered in that order, and each names the event's global position, so
 * the verification follows the links, not the positions.
 *
 * <p>It is not a view: it is never reset or rebuilt ({@link DisallowReplay}), since rebuilding the chain from the
 * events would bless any change made to them.
 */
@Component
@ProcessingGroup(IntegrityChain.PROCESSING_GROUP)
public class IntegrityChain {

    public static final String PROCESSING_GROUP = "integrity-chain";

    private final JdbcTemplate jdbc;

    IntegrityChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    @DisallowReplay
    void on(Object event, @MessageIdentifier String eventIdentifier) {
        StoredEventRow row = jdbc.queryForObject("select " + StoredEventRow.COLUMNS
                + " from domain_event_entry where event_identifier = ?", (rs, i) -> StoredEventRow.read(rs),
                eventIdentifier);
        if (row == null || isLinked(row.globalIndex())) {
            return;
        }
        List<Link> previous = jdbc.query("select link_number, chain_hash from event_chain "
                + "order by link_number desc fetch first 1 rows only", (rs, i) -> new Link(rs.getLong(1), rs.getString(2)));
        Link last = previous.isEmpty() ? new Link(0, StoredEventRow.GENESIS) : previous.get(0);
        String eventHash = row.hash();
        jdbc.update("insert into event_chain (link_number, global_index, event_identifier, event_hash, chain_hash) "
                        + "values (?, ?, ?, ?, ?)", last.number() + 1, row.globalIndex(), row.eventIdentifier(),
                eventHash, StoredEventRow.link(last.chainHash(), eventHash));
    }

    private record Link(long number, String chainHash) {
    }

    private boolean isLinked(long globalIndex) {
        Integer linked = jdbc.queryForObject("select count(*) from event_chain where global_index = ?",
                Integer.class, globalIndex);
        return linked != null && linked > 0;
    }
}

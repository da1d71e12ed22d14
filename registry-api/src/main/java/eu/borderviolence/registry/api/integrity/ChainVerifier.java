package eu.borderviolence.registry.api.integrity;

import eu.borderviolence.registry.api.integrity.ChainVerification.BrokenLink;
import eu.borderviolence.registry.api.integrity.ChainVerification.Problem;
import eu.borderviolence.registry.api.rest.ViewConsistency;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Recomputes the chain from the event table and compares it with the stored links.
 *
 * <p>First it lets the chain processor catch up with the events stored so far. Then it follows the links in order,
 * each joined to the event it names, reading row by row so the history never sits in memory: a changed event, a
 * deleted one and a link that does not follow from its predecessor each break the chain. Last it looks for events
 * no link names although the chain has passed them: an event inserted behind the chain's back.
 */
@Component
public class ChainVerifier {

    private static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final ViewConsistency consistency;

    ChainVerifier(JdbcTemplate jdbc, ViewConsistency consistency) {
        this.jdbc = jdbc;
        this.consistency = consistency;
    }

    public ChainVerification verify() {
        consistency.await(ViewConsistency.Level.STRONG);
        return verifyAsStored(jdbc);
    }

    /**
     * Checks the chain as it is stored in the database behind {@code jdbc}, without waiting for the chain processor:
     * events after the last link count as pending. Used by the copy to PostgreSQL on both databases.
     */
    public static ChainVerification verifyAsStored(JdbcTemplate jdbc) {
        Pass pass = new Pass();
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(FETCH_SIZE);
        streaming.query("select " + prefixed() + ", c.global_index, c.event_identifier, c.event_hash, c.chain_hash "
                + "from event_chain c left join domain_event_entry e on e.global_index = c.global_index "
                + "order by c.link_number", pass);
        List<Unlinked> unlinked = jdbc.query("select e.global_index, e.event_identifier from domain_event_entry e "
                        + "where not exists (select 1 from event_chain c where c.global_index = e.global_index) "
                        + "order by e.global_index",
                (rs, i) -> new Unlinked(rs.getLong(1), rs.getString(2)));
        return pass.result(unlinked);
    }

    private static String prefixed() {
        return "e." + StoredEventRow.COLUMNS.replace(", ", ", e.");
    }

    private record Unlinked(long position, String eventIdentifier) {
    }

    /** The state of one pass along the links. */
    private static final class Pass implements RowCallbackHandler {
        private String running = StoredEventRow.GENESIS;
        private long checked;
        private long highestLinked;
        private BrokenLink broken;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            long position = rs.getLong(11);
            String linkedIdentifier = rs.getString(12);
            String linkedEventHash = rs.getString(13);
            String linkedChainHash = rs.getString(14);
            checked++;
            highestLinked = Math.max(highestLinked, position);
            if (rs.getString(2) == null) {
                breakAt(position, linkedIdentifier, Problem.EVENT_MISSING);
            } else {
                StoredEventRow row = StoredEventRow.read(rs);
                if (!row.hash().equals(linkedEventHash) || !row.eventIdentifier().equals(linkedIdentifier)) {
                    breakAt(position, linkedIdentifier, Problem.EVENT_ALTERED);
                }
            }
            // Follow the stored hashes, so one altered event breaks its own link, not every link after it.
            running = StoredEventRow.link(running, linkedEventHash);
            if (!running.equals(linkedChainHash)) {
                breakAt(position, linkedIdentifier, Problem.LINK_ALTERED);
                running = linkedChainHash;
            }
        }

        private void breakAt(long position, String eventIdentifier, Problem problem) {
            if (broken == null) {
                broken = new BrokenLink(position, eventIdentifier, problem);
            }
        }

        ChainVerification result(List<Unlinked> unlinked) {
            long pending = 0;
            for (Unlinked event : unlinked) {
                if (event.position() < highestLinked) {
                    breakAt(event.position(), event.eventIdentifier(), Problem.EVENT_UNLINKED);
                } else {
                    pending++;
                }
            }
            return new ChainVerification(broken == null, checked, highestLinked, running, pending, broken);
        }
    }
}

package eu.borderviolence.registry.projections;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The tables a view's processor writes, which a rebuild empties before it replays the event stream. No foreign key
 * refers to any of them (V17, V18): the view's projection writes and deletes each incident's rows in all of its tables
 * itself.
 *
 * <p>The view's {@code @ResetHandler} deletes their rows ({@link #deleteRows}) in the transaction that resets the
 * processor's tokens, so the tables and the position they were built to change together or not at all. On H2 a
 * {@code DELETE} of every row costs as much as writing the rows did (every index entry is removed one at a time and
 * every page written anew), so there the rebuild truncates the tables first, while the view is already refusing
 * reads (api.views.ViewRebuilds), and the reset's {@code DELETE} finds them empty. PostgreSQL deletes them in the
 * reset, rather than truncating them: a truncated table looks empty to the planner, and a prepared read by key then
 * keeps a plan that scans the whole table as the rebuild fills it (docs/benchmarks.md).
 *
 * @param view   the view's processing group
 * @param tables the view's tables, in the order their rows are deleted
 */
public record ViewTables(String view, List<String> tables) {

    public ViewTables {
        tables = List.copyOf(tables);
    }

    /** Deletes every row of every table. */
    public void deleteRows(JdbcTemplate jdbc) {
        tables.forEach(table -> jdbc.update("delete from " + table));
    }

    /** A view's processor that writes tables of its own. */
    public interface Owner {

        ViewTables tables();
    }
}

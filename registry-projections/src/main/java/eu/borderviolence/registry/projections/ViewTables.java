package eu.borderviolence.registry.projections;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.stream.Stream;

/**
 * The tables a view's processor writes, which a rebuild empties before it replays the event stream.
 *
 * <p>The view's {@code @ResetHandler} deletes their rows ({@link #deleteRows}) in the transaction that resets the
 * processor's tokens, so the tables and the position they were built to change together or not at all. On H2 a
 * {@code DELETE} of every row costs as much as writing the rows did (every index entry is removed one at a time and
 * every page written anew), so there the rebuild truncates the {@link #unreferenced} tables first, while the view is
 * already refusing reads (api.views.ViewRebuilds); H2 cannot truncate a table a foreign key refers to, so those are
 * left to the reset's {@code DELETE}, as on PostgreSQL, where every table is.
 *
 * @param view         the view's processing group
 * @param unreferenced the tables no foreign key refers to, in the order their rows are deleted
 * @param referenced   the tables the others' foreign keys refer to, deleted after them
 */
public record ViewTables(String view, List<String> unreferenced, List<String> referenced) {

    public ViewTables {
        unreferenced = List.copyOf(unreferenced);
        referenced = List.copyOf(referenced);
    }

    /** Deletes every row of every table, those that refer to others first. */
    public void deleteRows(JdbcTemplate jdbc) {
        Stream.concat(unreferenced.stream(), referenced.stream()).forEach(table -> jdbc.update("delete from " + table));
    }

    /** A view's processor that writes tables of its own. */
    public interface Owner {

        ViewTables tables();
    }
}

package eu.borderviolence.registry.projections;

/**
 * Whether a view may be read now, asked by a read of the view's tables in the statement that reads them: one
 * statement, so one reading of both, and the read can never answer from tables that a rebuild has emptied or not yet
 * filled, nor cost a statement of its own for asking. The registry keeps the rebuilds (registry-api's
 * {@code ViewRebuilds}) and gives the question as SQL.
 */
public interface ViewServing {

    /**
     * A scalar SQL expression with one parameter, the view's name: above 0 while a rebuild of the view is requested
     * or replaying, 0 otherwise.
     */
    String rebuildingSql();

    /** Raised by a read that found its view being rebuilt; the registry answers it with the rebuild's progress. */
    final class Rebuilding extends RuntimeException {

        private final String view;

        public Rebuilding(String view) {
            super("The view " + view + " is being rebuilt", null, false, false);
            this.view = view;
        }

        public String view() {
            return view;
        }
    }
}

package eu.borderviolence.registry.api.views;

import eu.borderviolence.registry.projections.ViewServing;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The question a read of a view's tables asks in its own statement ({@link ViewServing}): whether the view's latest
 * rebuild ({@link ViewRebuilds}) is requested or replaying, as {@link ViewRebuilds#isRebuilding} reads it. A read that
 * finds one asks {@link ViewGuard}, which answers with the rebuild's progress, or marks a replay that has caught up
 * finished and lets the read go ahead.
 */
@Component
class RebuildingViews implements ViewServing {

    private static final String ACTIVE = Arrays.stream(ViewRebuilds.State.values())
            .filter(ViewRebuilds.State::active).map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", "));

    private static final String REBUILDING = "(select count(*) from view_rebuild r where r.view_name = ? "
            + "and r.state in (" + ACTIVE + ") and r.generation = "
            + "(select max(l.generation) from view_rebuild l where l.view_name = r.view_name))";

    @Override
    public String rebuildingSql() {
        return REBUILDING;
    }
}

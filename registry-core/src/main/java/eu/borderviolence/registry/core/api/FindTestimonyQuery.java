package eu.borderviolence.registry.core.api;

import java.util.Objects;

/** One testimony as recorded, personal data included, as a {@link TestimonyView}; empty if there is none. */
public record FindTestimonyQuery(TestimonyId testimonyId) {

    public FindTestimonyQuery {
        Objects.requireNonNull(testimonyId, "testimony id is required");
    }
}

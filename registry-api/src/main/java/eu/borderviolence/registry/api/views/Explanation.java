package eu.borderviolence.registry.api.views;

import eu.borderviolence.registry.api.rest.ViewConsistency;
import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;

/** How a view answers: whether it lists the incidents behind each figure, and how fresh it must be. */
@ParameterObject
public record Explanation(
        @Parameter(description = "List the incidents behind every figure (false by default; the Frontex view "
                + "always lists them).") Boolean listIncidents,
        @Parameter(description = "EVENTUAL (default) or STRONG: wait until the view has every write acknowledged "
                + "before this read.") ViewConsistency.Level consistency) {

    boolean listed() {
        return Boolean.TRUE.equals(listIncidents);
    }
}

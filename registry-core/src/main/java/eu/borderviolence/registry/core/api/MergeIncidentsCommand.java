package eu.borderviolence.registry.core.api;

import java.util.Objects;

/**
 * Merge a duplicate incident into the surviving one: the duplicate then points to the survivor, the survivor takes
 * over the duplicate's testimonies, and both histories stay readable. Handled in one unit of work, so either both
 * incidents record the merge or neither does.
 */
public record MergeIncidentsCommand(IncidentId duplicateId, Long expectedDuplicateVersion, IncidentId survivorId,
                                    String reason, Actor mergedBy) {

    public MergeIncidentsCommand {
        Objects.requireNonNull(duplicateId, "the duplicate incident is required");
        Objects.requireNonNull(survivorId, "the surviving incident is required");
        reason = Text.required(reason, 1000, "reason for the merge");
        Objects.requireNonNull(mergedBy, "who merges the incidents is required");
    }
}

package eu.borderviolence.registry.core.api.figures;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The figures a quarterly field report opens with. */
@Schema(description = "The figures a quarterly field report opens with.")
public record QuarterlyReport(
        @Schema(description = "The quarter.", example = "2023-Q3") String quarter,
        @Schema(description = "Its first day.") LocalDate from,
        @Schema(description = "Its last day.") LocalDate to,
        @Schema(description = "All incidents of the quarter, each once; violations, minors and unaccompanied "
                + "minors are here.") Figures total,
        @Schema(description = "Pushbacks (incidents with border legs).") Count pushbacks,
        @Schema(description = "Chain pushbacks: pushbacks across more than one border.") Count chainPushbacks,
        @Schema(description = "Nationality shares of the people whose nationality was recorded, largest first.")
        List<NationalityShare> nationalities,
        @Schema(description = "People whose nationality was not recorded.") long peopleOfUnrecordedNationality,
        @Schema(description = "Pushbacks per border leg (exit and entry point), most first.") List<Count> pushbacksPerBorder,
        @Schema(description = "Exit points: pushbacks per state that expelled.") List<Count> exitPoints,
        @Schema(description = "Entry points: pushbacks per state people were pushed into.") List<Count> entryPoints,
        @Schema(description = "Incidents with Frontex present.") Count frontex,
        @Schema(description = "Incidents with officers of a third state.") Count foreignOfficers) {
}

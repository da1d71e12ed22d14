package eu.borderviolence.registry.core.api.figures;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The per-authority view: every authority with at least one incident, most incidents first. */
@Schema(description = "Figures per authority, most incidents first.")
public record AuthorityFiguresPage(
        @Schema(description = "All incidents with at least one authority, each once.") Figures total,
        @Schema(description = "One entry per authority (country and agency).") List<AuthorityFigures> authorities) {
}

package eu.borderviolence.registry.projections.readmission;

import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.Readmission;
import eu.borderviolence.registry.core.api.figures.FigureFilter;
import eu.borderviolence.registry.core.api.figures.FindReadmissionFiguresQuery;
import eu.borderviolence.registry.core.api.figures.ReadmissionFigures;
import eu.borderviolence.registry.projections.figures.Breakdown;
import eu.borderviolence.registry.projections.figures.FactRecord;
import eu.borderviolence.registry.projections.figures.FactTables;
import eu.borderviolence.registry.projections.figures.Tally;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * The readmissions view: readmission deportations by sending and receiving state, by legal basis, and the chains in
 * which a Dublin transfer brought a person to the state that then returned them under a readmission agreement.
 */
@Component
public class ReadmissionFiguresProjection {


    private final FactTables tables;

    ReadmissionFiguresProjection(FactTables tables) {
        this.tables = tables;
    }

    /** Whether this view counts an incident with these facts at all. */
    static boolean counts(IncidentFacts facts) {
        return facts.kind() == IncidentKind.READMISSION_DEPORTATION && facts.readmission() != null;
    }

    /**
     * Hands the readmissions the filter selects to {@code counter}; SQL keeps to the kind, so the other incidents are
     * never read.
     */
    private void readmissions(FigureFilter filter, Consumer<FactRecord> counter) {
        if (filter.kind() != null && filter.kind() != IncidentKind.READMISSION_DEPORTATION) {
            return;
        }
        tables.forEachMatching(filter.ofKind(IncidentKind.READMISSION_DEPORTATION),
                ReadmissionFiguresProjection::counts, counter);
    }

    @QueryHandler
    public ReadmissionFigures find(FindReadmissionFiguresQuery query) {
        boolean ids = query.listIncidents();
        Tally total = new Tally();
        Breakdown routes = new Breakdown();
        Breakdown legalBases = new Breakdown();
        Breakdown dublinChains = new Breakdown();
        Breakdown quarters = new Breakdown();
        readmissions(query.filter(), record -> {
            Readmission readmission = record.facts().readmission();
            total.add(record);
            routes.add(readmission.sendingState().code() + "-" + readmission.receivingState().code(), record);
            legalBases.add(readmission.legalBasis().name(), record);
            if (readmission.priorDublinTransfer() != null) {
                dublinChains.add(readmission.priorDublinTransfer().fromState().code() + "-"
                        + readmission.sendingState().code() + "-" + readmission.receivingState().code(), record);
            }
            quarters.add(record.quarter(), record);
        });
        return new ReadmissionFigures(total.figures(ids), routes.mostFirst(ids), legalBases.mostFirst(ids),
                dublinChains.mostFirst(ids), quarters.chronological(ids));
    }
}

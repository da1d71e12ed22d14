package eu.borderviolence.registry.core.api;

import eu.borderviolence.registry.core.Samples;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import static eu.borderviolence.registry.core.Samples.country;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReadmissionTest {

    private static final LegalBasis AGREEMENT = LegalBasis.EU_SERBIA_READMISSION_AGREEMENT_2007;

    @Test
    void aReadmissionMayFollowADublinTransferIntoTheSendingState() {
        Readmission readmission = Samples.dublinThenReadmission();

        assertThat(readmission.priorDublinTransfer().toState()).isEqualTo(readmission.sendingState());
    }

    @Test
    void aPriorDublinTransferMustHaveBroughtThePersonToTheSendingState() {
        DublinTransfer toHungary = new DublinTransfer(country("AT"), country("HU"), LocalDate.of(2021, 1, 28));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Readmission(AGREEMENT, country("RO"), country("RS"), toHungary, List.of()))
                .withMessageContaining("sending state");
    }

    @Test
    void sendingAndReceivingStateMustDiffer() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Readmission(AGREEMENT, country("RO"), country("RO"), null, List.of()));
    }

    @Test
    void documentReferencesAreOptionalAndTrimmed() {
        assertThat(new Readmission(AGREEMENT, country("RO"), country("RS"), null, null).documentReferences())
                .isEmpty();
        assertThat(new Readmission(AGREEMENT, country("RO"), country("RS"), null, List.of("  RO-0000/2021 "))
                .documentReferences()).containsExactly("RO-0000/2021");
    }

    @Test
    void refusesABlankOrExcessiveListOfDocuments() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Readmission(AGREEMENT, country("RO"),
                country("RS"), null, List.of(" ")));
        assertThatIllegalArgumentException().isThrownBy(() -> new Readmission(AGREEMENT, country("RO"),
                country("RS"), null, Collections.nCopies(21, "RO-0000/2021")));
    }
}

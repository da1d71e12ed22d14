package eu.borderviolence.registry.core.testimony;

import eu.borderviolence.registry.core.TestVault;
import eu.borderviolence.registry.core.api.EraseWitnessDataCommand;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.RefusedException;
import eu.borderviolence.registry.core.api.WitnessDataErasedEvent;
import org.axonframework.modelling.command.AggregateNotFoundException;
import eu.borderviolence.registry.core.api.RecordTestimonyCommand;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.TestimonyRecordedEvent;
import eu.borderviolence.registry.core.api.WitnessAccount;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static eu.borderviolence.registry.core.Samples.LAWYER;
import static eu.borderviolence.registry.core.Samples.MONITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static eu.borderviolence.registry.core.Samples.circumstances;
import static eu.borderviolence.registry.core.Samples.hungaryToSerbiaPushback;
import static eu.borderviolence.registry.core.Samples.pashtoWitness;
import static eu.borderviolence.registry.core.Samples.policeRaidInSerbia;

class TestimonyTest {

    private static final TestimonyId TESTIMONY = TestimonyId.derivedFrom("ak-2023-07-16");
    private static final IncidentId INCIDENT = IncidentId.derivedFrom("horgos-2023-07-14");

    private final TestVault vault = new TestVault();
    private FixtureConfiguration<Testimony> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Testimony.class);
        fixture.registerInjectableResource(vault);
    }

    @Test
    void recordsAWitnessAccountWithTheIncidentAsTheWitnessToldIt() {
        fixture.givenNoPriorActivity()
                .when(new RecordTestimonyCommand(TESTIMONY, INCIDENT, circumstances(), hungaryToSerbiaPushback(),
                        pashtoWitness(), MONITOR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TestimonyRecordedEvent(TESTIMONY, INCIDENT, circumstances(),
                        hungaryToSerbiaPushback(), TestVault.sealedFor(TESTIMONY, pashtoWitness()), MONITOR));
    }

    @Test
    void recordsAnAnonymousTestimonyWithAnEmptyWitnessAccount() {
        WitnessAccount nothingKnown = new WitnessAccount(null, null, null, null, null, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new RecordTestimonyCommand(TESTIMONY, INCIDENT, circumstances(), null, null, MONITOR))
                .expectEvents(new TestimonyRecordedEvent(TESTIMONY, INCIDENT, circumstances(), null,
                        TestVault.sealedFor(TESTIMONY, nothingKnown), MONITOR));
    }

    @Test
    void recordsWhatTheWitnessToldEvenWhenItDiffersFromTheIncident() {
        // The testimony does not check its facts against the incident's: witnesses disagree, and the incident's
        // facts change only by report or correction.
        fixture.givenNoPriorActivity()
                .when(new RecordTestimonyCommand(TESTIMONY, INCIDENT, circumstances(), policeRaidInSerbia(),
                        pashtoWitness(), MONITOR))
                .expectEvents(new TestimonyRecordedEvent(TESTIMONY, INCIDENT, circumstances(), policeRaidInSerbia(),
                        TestVault.sealedFor(TESTIMONY, pashtoWitness()), MONITOR));
    }

    @Test
    void erasingTheWitnessesDataDestroysTheirKey() {
        fixture.given(recorded())
                .when(new EraseWitnessDataCommand(TESTIMONY, "Consent withdrawn on 2023-09-02.", LAWYER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new WitnessDataErasedEvent(TESTIMONY, "Consent withdrawn on 2023-09-02.", LAWYER));
        assertThat(vault.isDestroyed(TESTIMONY)).isTrue();
    }

    @Test
    void cannotEraseTwice() {
        fixture.given(recorded(), new WitnessDataErasedEvent(TESTIMONY, "Consent withdrawn.", LAWYER))
                .when(new EraseWitnessDataCommand(TESTIMONY, "Again.", LAWYER))
                .expectException(RefusedException.class)
                .expectNoEvents();
    }

    @Test
    void cannotEraseATestimonyThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new EraseWitnessDataCommand(TESTIMONY, "Consent withdrawn.", LAWYER))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void anErasureNeedsAReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EraseWitnessDataCommand(TESTIMONY, " ", LAWYER));
    }

    private TestimonyRecordedEvent recorded() {
        return new TestimonyRecordedEvent(TESTIMONY, INCIDENT, circumstances(), hungaryToSerbiaPushback(),
                TestVault.sealedFor(TESTIMONY, pashtoWitness()), MONITOR);
    }
}

package eu.borderviolence.registry.core.api;

import org.junit.jupiter.api.Test;

import static eu.borderviolence.registry.core.Samples.MONITOR;
import static eu.borderviolence.registry.core.Samples.NARRATIVE_TRANSLATION;
import static eu.borderviolence.registry.core.Samples.PASHTO_NARRATIVE;
import static eu.borderviolence.registry.core.Samples.WITNESS_CONTACT;
import static eu.borderviolence.registry.core.Samples.WITNESS_PSEUDONYM;
import static eu.borderviolence.registry.core.Samples.circumstances;
import static eu.borderviolence.registry.core.Samples.hungaryToSerbiaPushback;
import static eu.borderviolence.registry.core.Samples.pashtoWitness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WitnessAccountTest {

    private static final String[] PERSONAL_DATA = {WITNESS_PSEUDONYM, WITNESS_CONTACT, PASHTO_NARRATIVE,
            NARRATIVE_TRANSLATION, "د شپې"};

    @Test
    void keepsTheNarrativeInTheWitnessesOwnScript() {
        assertThat(pashtoWitness().narrative()).isEqualTo(PASHTO_NARRATIVE);
        assertThat(pashtoWitness().narrativeTranslation()).isEqualTo(NARRATIVE_TRANSLATION);
    }

    @Test
    void neverPrintsItsContent() {
        assertThat(pashtoWitness().toString()).doesNotContain(PERSONAL_DATA).doesNotContain("16");
    }

    @Test
    void messagesThatCarryAWitnessAccountNeverPrintIt() {
        TestimonyId testimony = TestimonyId.derivedFrom("ak-2023-07-16");
        IncidentId incident = IncidentId.derivedFrom("horgos-2023-07-14");

        assertThat(new TestimonyView(testimony, incident, circumstances(), hungaryToSerbiaPushback(),
                pashtoWitness(), false, MONITOR, java.time.Instant.EPOCH).toString()).doesNotContain(PERSONAL_DATA);
        assertThat(new RecordTestimonyCommand(testimony, incident, circumstances(), null, pashtoWitness(), MONITOR)
                .toString()).doesNotContain(PERSONAL_DATA);
        assertThat(new SubmitTestimonyCommand(testimony, incident, false, circumstances(), hungaryToSerbiaPushback(),
                pashtoWitness(), MONITOR).toString()).doesNotContain(PERSONAL_DATA);
    }

    @Test
    void blankTextIsAbsentText() {
        WitnessAccount account = new WitnessAccount("  ", null, AgeBand.UNKNOWN, null, null, null, " ", "\n", "");

        assertThat(account.pseudonym()).isNull();
        assertThat(account.contact()).isNull();
        assertThat(account.narrative()).isNull();
        assertThat(account.narrativeTranslation()).isNull();
    }

    @Test
    void aNarrativeMayBeTwentyThousandCharactersInAnyScript() {
        String longest = "ښ".repeat(20_000);
        String emoji = "\uD83D\uDE22".repeat(20_000);

        assertThat(account(longest).narrative()).hasSize(20_000);
        assertThat(account(emoji).narrative()).isEqualTo(emoji);
        assertThatIllegalArgumentException().isThrownBy(() -> account(longest + "ښ"));
    }

    @Test
    void refusesAnImpossibleAge() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WitnessAccount(null, -1, null, null, null, null,
                null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new WitnessAccount(null, 121, null, null, null, null,
                null, null, null));
    }

    private static WitnessAccount account(String narrative) {
        return new WitnessAccount(null, null, null, null, null, null, null, narrative, null);
    }
}

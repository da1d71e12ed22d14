package eu.borderviolence.registry.core.api;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import eu.borderviolence.registry.core.StoredJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsentTest {

    @Test
    void aTestimonyIsStoredOnlyWithConsentToStoreIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Consent(false, true, true))
                .withMessageContaining("consent to store");
    }

    @Test
    void sharingAndPublishingAreSeparateChoices() {
        Consent storeOnly = new Consent(true, false, false);

        assertThat(storeOnly.shareWithLawyers()).isFalse();
        assertThat(storeOnly.publishAnonymised()).isFalse();
    }

    @Test
    void aConsentReadFromJsonWithoutConsentToStoreIsRefused() {
        assertThatThrownBy(() -> StoredJson.mapper().readValue(
                "{\"store\":false,\"shareWithLawyers\":true,\"publishAnonymised\":false}", Consent.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void consentThatWasNotGivenIsNoConsent() {
        assertThatThrownBy(() -> StoredJson.mapper().readValue("{}", Consent.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}

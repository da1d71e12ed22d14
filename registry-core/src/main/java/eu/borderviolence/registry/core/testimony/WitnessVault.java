package eu.borderviolence.registry.core.testimony;

import eu.borderviolence.registry.core.api.SealedPersonalData;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.WitnessAccount;

import java.util.Optional;

/**
 * Where witnesses' data keys live. The testimony seals its witness's account before the event is stored and
 * destroys the key when the witness withdraws consent; the implementation (registry-api) keeps the keys wrapped by a
 * master key, in the same transaction as the events, so a key exists exactly when its testimony does.
 */
public interface WitnessVault {

    /** Makes a new data key for the testimony and encrypts the account with it. */
    SealedPersonalData seal(TestimonyId testimony, WitnessAccount witness);

    /** The account, or empty once its key has been destroyed. */
    Optional<WitnessAccount> open(SealedPersonalData sealed);

    /** Destroys the testimony's data key: its sealed data can never be read again. */
    void destroy(TestimonyId testimony);
}

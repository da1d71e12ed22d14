package eu.borderviolence.registry.core;

import eu.borderviolence.registry.core.api.SealedPersonalData;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.WitnessAccount;
import eu.borderviolence.registry.core.testimony.WitnessVault;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A vault for tests of the write model: seals deterministically (the same account gives the same sealed value, so
 * fixtures can expect events) and remembers which keys were destroyed. No cryptography: the real vault is tested in
 * registry-api.
 */
public final class TestVault implements WitnessVault {

    private final Map<String, WitnessAccount> sealed = new HashMap<>();
    private final Set<TestimonyId> destroyed = new HashSet<>();

    /** What {@link #seal} makes of this account for this testimony. */
    public static SealedPersonalData sealedFor(TestimonyId testimony, WitnessAccount witness) {
        return new SealedPersonalData(testimony.toString(), "TEST", null, Integer.toHexString(witness.hashCode()));
    }

    @Override
    public SealedPersonalData seal(TestimonyId testimony, WitnessAccount witness) {
        SealedPersonalData data = sealedFor(testimony, witness);
        sealed.put(data.keyId() + data.data(), witness);
        return data;
    }

    @Override
    public Optional<WitnessAccount> open(SealedPersonalData data) {
        if (destroyed.contains(TestimonyId.of(data.keyId()))) {
            return Optional.empty();
        }
        return Optional.ofNullable(sealed.get(data.keyId() + data.data()));
    }

    @Override
    public void destroy(TestimonyId testimony) {
        destroyed.add(testimony);
    }

    public boolean isDestroyed(TestimonyId testimony) {
        return destroyed.contains(testimony);
    }
}

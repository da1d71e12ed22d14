package eu.borderviolence.registry.api.crypto;

import eu.borderviolence.registry.core.api.AgeBand;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.Gender;
import eu.borderviolence.registry.core.api.SealedPersonalData;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.WitnessAccount;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeyVaultTest {

    private static final String MARKER = "MARKER-3b1f";
    private static final WitnessAccount WITNESS = new WitnessAccount("A.K. " + MARKER, 16, AgeBand.AGE_14_TO_17,
            Gender.MALE, CountryCode.of("AF"), true, "+381 " + MARKER, "روایت " + MARKER, "They beat us " + MARKER);

    private final JdbcTemplate keys = InMemoryKeys.keyTable();
    private final KeyVault vault = InMemoryKeys.vault(keys, new byte[32]);
    private final TestimonyId testimony = TestimonyId.random();

    @Test
    void sealedDataHoldsNothingReadableAndOpensWithItsKey() {
        SealedPersonalData sealed = vault.seal(testimony, WITNESS);

        assertThat(sealed.algorithm()).isEqualTo(SealedPersonalData.AES_GCM);
        assertThat(sealed.keyId()).isEqualTo(testimony.toString());
        assertThat(new String(Base64.getDecoder().decode(sealed.data()), StandardCharsets.UTF_8)).doesNotContain(MARKER);
        assertThat(keys.queryForObject("select wrapped_key from witness_key", String.class)).doesNotContain(MARKER);
        assertThat(vault.open(sealed)).contains(WITNESS);
    }

    @Test
    void destroyingTheKeyMakesTheDataUnreadableForGood() {
        SealedPersonalData sealed = vault.seal(testimony, WITNESS);
        vault.destroy(testimony);

        assertThat(vault.open(sealed)).isEmpty();
        assertThat(keys.queryForObject("select count(*) from witness_key where wrapped_key is null "
                + "and destroyed_at is not null", Integer.class)).isEqualTo(1);
    }

    @Test
    void anotherMasterKeyOrAlteredDataCannotOpenIt() {
        SealedPersonalData sealed = vault.seal(testimony, WITNESS);
        byte[] otherMaster = new byte[32];
        otherMaster[0] = 1;
        assertThatIllegalStateException().isThrownBy(() -> InMemoryKeys.vault(keys, otherMaster).open(sealed))
                .withMessageNotContaining(MARKER);
        byte[] data = Base64.getDecoder().decode(sealed.data());
        data[0] ^= 1;
        SealedPersonalData altered = new SealedPersonalData(sealed.keyId(), sealed.algorithm(), sealed.nonce(),
                Base64.getEncoder().encodeToString(data));
        assertThatIllegalStateException().isThrownBy(() -> vault.open(altered));
    }

    @Test
    void sealedDataCannotBeMovedToAnotherTestimony() {
        SealedPersonalData sealed = vault.seal(testimony, WITNESS);
        TestimonyId other = TestimonyId.random();
        vault.seal(other, WITNESS);
        SealedPersonalData moved = new SealedPersonalData(other.toString(), sealed.algorithm(), sealed.nonce(),
                sealed.data());
        assertThatIllegalStateException().isThrownBy(() -> vault.open(moved));
    }

    @Test
    void aRetryOfAStoredSubmissionReusesItsKey() {
        SealedPersonalData first = vault.seal(testimony, WITNESS);
        SealedPersonalData retried = vault.seal(testimony, WITNESS);
        assertThat(vault.open(first)).contains(WITNESS);
        assertThat(vault.open(retried)).contains(WITNESS);
        assertThat(keys.queryForObject("select count(*) from witness_key", Integer.class)).isEqualTo(1);
    }

    @Test
    void aRotationRewrapsLiveKeysSoThatStaleCopiesDieWithTheOldMasterKey() {
        SealedPersonalData live = vault.seal(testimony, WITNESS);
        TestimonyId erased = TestimonyId.random();
        vault.seal(erased, WITNESS);
        vault.destroy(erased);
        String staleCopy = keys.queryForObject("select wrapped_key from witness_key where key_id = ?", String.class,
                testimony.toString());

        byte[] newMaster = new byte[32];
        newMaster[31] = 7;
        KeyVault rotating = InMemoryKeys.rotating(keys, newMaster, new byte[32]);
        assertThat(rotating.open(live)).as("still readable during the rotation").contains(WITNESS);
        assertThat(rotating.rewrapUnderCurrentMasterKey()).isEqualTo(1);
        assertThat(rotating.rewrapUnderCurrentMasterKey()).isZero();

        KeyVault rotated = InMemoryKeys.vault(keys, newMaster);
        assertThat(rotated.open(live)).as("readable with the new master key alone").contains(WITNESS);
        assertThat(keys.queryForObject("select wrapped_key from witness_key where key_id = ?", String.class,
                erased.toString())).as("erased stays erased").isNull();
        // A backup from before the rotation holds the stale copy: without the old master key it opens nothing.
        keys.update("update witness_key set wrapped_key = ? where key_id = ?", staleCopy, testimony.toString());
        assertThatIllegalStateException().isThrownBy(() -> rotated.open(live));
    }

    @Test
    void dataStoredBeforeEncryptionIsReadAsItWas() {
        String json = "{\"pseudonym\":\"W-0042\"}";
        SealedPersonalData legacy = new SealedPersonalData(null, SealedPersonalData.NONE, null,
                Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(vault.open(legacy).orElseThrow().pseudonym()).isEqualTo("W-0042");
    }
}

package eu.borderviolence.registry.api.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.core.api.SealedPersonalData;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.WitnessAccount;
import eu.borderviolence.registry.core.testimony.WitnessVault;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One AES-256 data key per testimony, in table {@code witness_key}, wrapped with the {@link MasterKey}. The
 * witness's account is sealed with AES-256-GCM, the testimony id bound in as associated data, so sealed data cannot
 * be moved to another testimony. The key row is written with the caller's JDBC connection, so it commits or rolls
 * back with the testimony's events; the master key never reaches the database.
 */
public class KeyVault implements WitnessVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final MasterKey master;
    private final ObjectMapper json;
    private final Clock clock;

    public KeyVault(JdbcTemplate jdbc, MasterKey master, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.master = master;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public SealedPersonalData seal(TestimonyId testimony, WitnessAccount witness) {
        String keyId = testimony.toString();
        byte[] dataKey = dataKey(keyId);
        try {
            byte[] sealed = encrypt(new SecretKeySpec(dataKey, "AES"), json.writeValueAsBytes(witness), keyId);
            ByteBuffer parts = ByteBuffer.wrap(sealed);
            byte[] nonce = new byte[NONCE_BYTES];
            parts.get(nonce);
            byte[] data = new byte[parts.remaining()];
            parts.get(data);
            return new SealedPersonalData(keyId, SealedPersonalData.AES_GCM,
                    Base64.getEncoder().encodeToString(nonce), Base64.getEncoder().encodeToString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a witness account as JSON", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * A new data key for the testimony, or, when a retry of a submission already stored gets here, the key stored
     * with it: the retry then collides with the stored testimony on the event table, as retries do. A key destroyed
     * already is never reused.
     */
    private byte[] dataKey(String keyId) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        int inserted;
        try {
            inserted = jdbc.update("insert into witness_key (key_id, wrapped_key, master_key_id, created_at) "
                            + "select ?, ?, ?, ? where not exists (select 1 from witness_key where key_id = ?)", keyId,
                    Base64.getEncoder().encodeToString(encrypt(master.key(), fresh, keyId)), master.id(),
                    clock.instant().atOffset(ZoneOffset.UTC), keyId);
        } catch (DuplicateKeyException raced) {
            // A retry of the same submission, on another node or thread, stored the key between our check and our
            // insert; on PostgreSQL this transaction is now void. It is the same collision the event table reports.
            throw new AggregateStreamCreationException("a concurrent attempt is storing this testimony");
        }
        if (inserted == 1) {
            return fresh;
        }
        return storedKey(keyId).orElseThrow(() ->
                new AggregateStreamCreationException("the testimony was recorded and its witness's data erased"));
    }

    /** The fingerprint of the master key that wraps new data keys. */
    public String masterKeyId() {
        return master.id();
    }

    /** The testimony's data key, unwrapped; empty once destroyed. */
    private Optional<byte[]> storedKey(String keyId) {
        List<String[]> stored = jdbc.query("select wrapped_key, master_key_id from witness_key where key_id = ? "
                + "and wrapped_key is not null", (rs, i) -> new String[]{rs.getString(1), rs.getString(2)}, keyId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        SecretKey wrappingKey = master.byId(stored.get(0)[1]).orElseThrow(() -> new IllegalStateException(
                "a data key is wrapped by a master key that is not configured (registry.crypto.previous-master-keys)"));
        return Optional.of(decrypt(wrappingKey, Base64.getDecoder().decode(stored.get(0)[0]), keyId));
    }

    /**
     * Re-wraps every live data key that is not wrapped by the current master key under it: the second step of a
     * master-key rotation (docs/operations.md). Destroyed keys stay destroyed. Returns how many were re-wrapped.
     */
    public int rewrapUnderCurrentMasterKey() {
        List<String> stale = jdbc.queryForList("select key_id from witness_key where wrapped_key is not null "
                + "and (master_key_id is null or master_key_id <> ?)", String.class, master.id());
        int rewrapped = 0;
        for (String keyId : stale) {
            Optional<byte[]> key = storedKey(keyId);
            if (key.isPresent()) {
                rewrapped += jdbc.update("update witness_key set wrapped_key = ?, master_key_id = ? where key_id = ? "
                                + "and wrapped_key is not null",
                        Base64.getEncoder().encodeToString(encrypt(master.key(), key.get(), keyId)), master.id(),
                        keyId);
                Arrays.fill(key.get(), (byte) 0);
            }
        }
        return rewrapped;
    }

    @Override
    public Optional<WitnessAccount> open(SealedPersonalData sealed) {
        if (sealed == null || sealed.data() == null) {
            return Optional.empty();
        }
        try {
            if (SealedPersonalData.NONE.equals(sealed.algorithm())) {
                return Optional.of(json.readValue(Base64.getDecoder().decode(sealed.data()), WitnessAccount.class));
            }
            Optional<byte[]> stored = storedKey(sealed.keyId());
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            byte[] dataKey = stored.get();
            byte[] nonce = Base64.getDecoder().decode(sealed.nonce());
            byte[] data = Base64.getDecoder().decode(sealed.data());
            byte[] plain = decrypt(new SecretKeySpec(dataKey, "AES"),
                    ByteBuffer.allocate(nonce.length + data.length).put(nonce).put(data).array(), sealed.keyId());
            Arrays.fill(dataKey, (byte) 0);
            return Optional.of(json.readValue(plain, WitnessAccount.class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read a witness account from its JSON", e);
        }
    }

    @Override
    public void destroy(TestimonyId testimony) {
        jdbc.update("update witness_key set wrapped_key = null, master_key_id = null, destroyed_at = ? "
                        + "where key_id = ?",
                clock.instant().atOffset(ZoneOffset.UTC), testimony.toString());
    }

    /** Nonce followed by ciphertext and tag. */
    private static byte[] encrypt(SecretKey key, byte[] plain, String associated) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] nonceAndSealed, String associated) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonceAndSealed, 0, NONCE_BYTES));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(nonceAndSealed, NONCE_BYTES, nonceAndSealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // Wrong master key or altered data: say which, never what.
            throw new IllegalStateException("sealed witness data could not be opened: wrong key or altered data");
        }
    }
}

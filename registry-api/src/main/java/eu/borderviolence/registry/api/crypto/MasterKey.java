package eu.borderviolence.registry.api.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The key that wraps every witness's data key. It comes from configuration, never from the database:
 * {@code registry.crypto.master-key} (Base64 of 32 bytes, for example from the environment variable
 * {@code REGISTRY_CRYPTO_MASTER_KEY}) or the file {@code registry.crypto.master-key-file}. When neither holds a key
 * and {@code registry.crypto.create-missing-master-key} is true (not in the production profile), a new key is
 * written to that file, readable by its owner only, with a warning: keep it, and keep it away from the data
 * directory and its backups.
 *
 * <p>For a rotation, the keys being retired are listed in {@code registry.crypto.previous-master-keys} (Base64,
 * comma-separated): data keys wrapped by them can still be opened until they are re-wrapped under the current key.
 * Each master key is known by its fingerprint, the first 8 bytes of its SHA-256, stored beside each wrapped key.
 */
@Component
public class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final int BYTES = 32;

    private final SecretKey current;
    private final String currentId;
    private final Map<String, SecretKey> previous = new LinkedHashMap<>();

    @Autowired
    public MasterKey(@Value("${registry.crypto.master-key:}") String configured,
                     @Value("${registry.crypto.master-key-file:}") String file,
                     @Value("${registry.crypto.create-missing-master-key:false}") boolean createMissing,
                     @Value("${registry.crypto.previous-master-keys:}") String previousKeys) {
        byte[] bytes = load(configured, file, createMissing);
        this.current = new SecretKeySpec(bytes, "AES");
        this.currentId = fingerprint(bytes);
        Arrays.stream(previousKeys.split(",")).map(String::trim).filter(key -> !key.isEmpty()).forEach(key -> {
            byte[] old = decode(key, "registry.crypto.previous-master-keys");
            previous.put(fingerprint(old), new SecretKeySpec(old, "AES"));
        });
    }

    /** A master key without previous keys to rotate from. */
    public MasterKey(String configured, String file, boolean createMissing) {
        this(configured, file, createMissing, "");
    }

    SecretKey key() {
        return current;
    }

    /** The current master key's fingerprint. */
    public String id() {
        return currentId;
    }

    /** The master key with this fingerprint (null: a key wrapped before fingerprints were kept, the current one). */
    Optional<SecretKey> byId(String id) {
        if (id == null || id.equals(currentId)) {
            return Optional.of(current);
        }
        return Optional.ofNullable(previous.get(id));
    }

    static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] load(String configured, String file, boolean createMissing) {
        if (!configured.isBlank()) {
            return decode(configured, "registry.crypto.master-key");
        }
        if (file.isBlank()) {
            throw new IllegalStateException("No master key: set registry.crypto.master-key or "
                    + "registry.crypto.master-key-file (see docs/data-protection.md)");
        }
        Path path = Path.of(file);
        try {
            if (Files.exists(path)) {
                return decode(Files.readString(path, StandardCharsets.US_ASCII).trim(), file);
            }
            if (!createMissing) {
                throw new IllegalStateException("No master key in " + file
                        + " and registry.crypto.create-missing-master-key is off");
            }
            byte[] fresh = new byte[BYTES];
            new SecureRandom().nextBytes(fresh);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, Base64.getEncoder().encodeToString(fresh) + System.lineSeparator(),
                    StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits its folder's access rules
            }
            log.warn("Created a new master key in {}. Without it no witness's data can be read: back it up apart "
                    + "from the data, and set registry.crypto.master-key-file explicitly in production.", file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file", e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A master key in " + source + " is not Base64");
        }
        if (bytes.length != BYTES) {
            throw new IllegalStateException("A master key in " + source + " must be 32 bytes");
        }
        return bytes;
    }
}

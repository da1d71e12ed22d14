package eu.borderviolence.registry.api.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that wraps every witness's data key. It comes from configuration, never from the database:
 * {@code registry.crypto.master-key} (Base64 of 32 bytes, for example from the environment variable
 * {@code REGISTRY_CRYPTO_MASTER_KEY}) or the file {@code registry.crypto.master-key-file}. When neither holds a key
 * and {@code registry.crypto.create-missing-master-key} is true (not in the production profile), a new key is
 * written to that file, readable by its owner only, with a warning: keep it, and keep it away from the data
 * directory and its backups.
 */
@Component
public class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final int BYTES = 32;

    private final SecretKey key;

    public MasterKey(@Value("${registry.crypto.master-key:}") String configured,
                     @Value("${registry.crypto.master-key-file:}") String file,
                     @Value("${registry.crypto.create-missing-master-key:false}") boolean createMissing) {
        this.key = new SecretKeySpec(load(configured, file, createMissing), "AES");
    }

    SecretKey key() {
        return key;
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
            throw new IllegalStateException("The master key in " + source + " is not Base64");
        }
        if (bytes.length != BYTES) {
            throw new IllegalStateException("The master key in " + source + " must be 32 bytes");
        }
        return bytes;
    }
}

package eu.borderviolence.registry.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;

/**
 * Creates the first administrator of an empty registry; there is no built-in account and no default password.
 *
 * <ul>
 *     <li>Non-interactively (scripts, CI): {@code registry.bootstrap.admin-username} with
 *     {@code registry.bootstrap.admin-token-file}: the account is created and a new API token written to that file,
 *     readable by its owner only.</li>
 *     <li>Interactively: {@code registry.bootstrap.interactive=true} asks on the console for a username and a
 *     password (for browser login; typed twice, never echoed).</li>
 * </ul>
 * Either happens only while the registry has no active administrator, so leaving the settings in place is harmless.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String BOOTSTRAP = "bootstrap";

    private final Accounts accounts;
    private final String username;
    private final String organisation;
    private final String tokenFile;
    private final boolean interactive;

    public AdminBootstrap(Accounts accounts,
                          @Value("${registry.bootstrap.admin-username:}") String username,
                          @Value("${registry.bootstrap.admin-organisation:registry-operators}") String organisation,
                          @Value("${registry.bootstrap.admin-token-file:}") String tokenFile,
                          @Value("${registry.bootstrap.interactive:false}") boolean interactive) {
        this.accounts = accounts;
        this.username = username;
        this.organisation = organisation;
        this.tokenFile = tokenFile;
        this.interactive = interactive;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyAdmin()) {
            if (!username.isBlank() || interactive) {
                log.info("Bootstrap skipped: the registry has an administrator already");
            }
            return;
        }
        if (!username.isBlank() && !tokenFile.isBlank()) {
            accounts.create(username, organisation, Role.ADMIN, null, BOOTSTRAP);
            Accounts.IssuedToken token = accounts.issueToken(username, "bootstrap", Duration.ofDays(30));
            write(Path.of(tokenFile), token.secret());
            log.info("Administrator {} created; its API token (valid 30 days) is in {}", username, tokenFile);
        } else if (interactive) {
            askOnConsole();
        } else {
            log.warn("The registry has no administrator. Create one with registry.bootstrap.admin-username and "
                    + "registry.bootstrap.admin-token-file, or registry.bootstrap.interactive=true (see README).");
        }
    }

    private void askOnConsole() {
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("registry.bootstrap.interactive needs a console");
        }
        String name = console.readLine("Administrator username: ").trim();
        char[] password = console.readPassword("Password (at least %d characters): ",
                AdminController.MIN_PASSWORD_LENGTH);
        char[] again = console.readPassword("Password again: ");
        try {
            if (password.length < AdminController.MIN_PASSWORD_LENGTH || !Arrays.equals(password, again)) {
                throw new IllegalStateException("the passwords differ or are too short; no administrator created");
            }
            accounts.create(name, organisation, Role.ADMIN, new String(password), BOOTSTRAP);
            log.info("Administrator {} created from the console", name);
        } finally {
            Arrays.fill(password, ' ');
            Arrays.fill(again, ' ');
        }
    }

    private static void write(Path file, String secret) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, secret + System.lineSeparator(), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits its folder's access rules
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the administrator's token file", e);
        }
    }
}

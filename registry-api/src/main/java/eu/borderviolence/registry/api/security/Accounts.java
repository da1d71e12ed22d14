package eu.borderviolence.registry.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import eu.borderviolence.registry.api.error.ConflictException;
import eu.borderviolence.registry.api.error.NotFoundException;
import eu.borderviolence.registry.api.storage.Durability;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accounts, their API tokens and lawyers' case grants, in the registry's database. A token's secret is shown once,
 * when it is issued, and stored only as its SHA-256; a password only as its BCrypt hash.
 *
 * <p>A token found valid in the database is taken as valid again for {@code registry.security.token-check-interval}
 * (1 s) without reading it again: with every request reading it, the check was a large part of a read's database
 * work (docs/benchmarks.md). What is kept is the token's id, the hash of its secret, its expiry and its account's
 * user, never the secret; a presented secret is compared with the kept hash as with the stored one, and a token past
 * its expiry is refused at once. A token revoked, or an account disabled, on this node is refused at once; on other
 * nodes within that interval. Failed checks are never kept.
 */
@Component
public class Accounts {

    public static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(366);
    private static final Pattern TOKEN = Pattern.compile("^rgt_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Durability durability;
    /** Tokens found valid within the check interval, by token id; null when every check reads the database. */
    private final Cache<String, ValidToken> checked;
    /**
     * Counts revocations and disablings on this node, so that a check that raced one is not kept; a check is kept, and
     * a withdrawal counted and applied to what is kept, each under the lock of this counter.
     */
    private final AtomicLong withdrawals = new AtomicLong();

    @Autowired
    public Accounts(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock, Durability durability,
                    @Value("${registry.security.token-check-interval:1s}") Duration checkInterval) {
        this(jdbc, passwords, clock, durability, checkInterval, Ticker.systemTicker());
    }

    /**
     * @param ticker what measures the check interval: the system's monotonic time, so that a wall clock set back never
     *               keeps a check longer (tests give their own)
     */
    Accounts(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock, Durability durability, Duration checkInterval,
             Ticker ticker) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.durability = durability;
        if (checkInterval.isNegative()) {
            throw new IllegalArgumentException("registry.security.token-check-interval must not be negative");
        }
        this.checked = checkInterval.isZero() ? null : Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(checkInterval)
                .ticker(ticker)
                .build();
    }

    /** A token as found valid: the hash of its secret, when it expires, and the user it stands for. */
    private record ValidToken(String secretHash, Instant expiresAt, RegistryUser user) {
    }

    /** An account as administrators see it; never its password. */
    @Schema(description = "An account; never its password.")
    public record Account(
            @Schema(description = "Login name.") String username,
            @Schema(description = "The organisation the person acts for.") String organisation,
            @Schema(description = "The account's one role.") Role role,
            @Schema(description = "Whether it has a password for browser login.") boolean canLogIn,
            @Schema(description = "When it was created.") Instant createdAt,
            @Schema(description = "Who created it.") String createdBy,
            @Schema(description = "When it was disabled, if it was.") Instant disabledAt) {
    }

    /** A token as administrators see it; never its secret. */
    @Schema(description = "An API token; never its secret.")
    public record Token(
            @Schema(description = "The token's public id, the part after rgt_.") String tokenId,
            @Schema(description = "The account it authenticates.") String username,
            @Schema(description = "What it is for.") String label,
            @Schema(description = "When it was issued.") Instant createdAt,
            @Schema(description = "When it stops working.") Instant expiresAt,
            @Schema(description = "When it was revoked, if it was.") Instant revokedAt) {
    }

    /** A token just issued: the only time its secret exists outside the client. */
    @Schema(description = "A token just issued, with its secret: shown this once.")
    public record IssuedToken(
            @Schema(description = "The token.") Token token,
            @Schema(description = "The whole token to send as 'Authorization: Bearer <secret>'.") String secret) {
    }

    public Account create(String username, String organisation, Role role, String password, String createdBy) {
        try {
            jdbc.update("insert into registry_account (username, organisation, role, password_hash, created_at, "
                            + "created_by) values (?, ?, ?, ?, ?, ?)", username, organisation, role.name(),
                    password == null ? null : passwords.encode(password), utc(clock.instant()), createdBy);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("account-exists", "An account with this username exists already.");
        }
        durability.afterWrite();
        return find(username).orElseThrow();
    }

    public Optional<Account> find(String username) {
        return jdbc.query("select username, organisation, role, password_hash, created_at, created_by, disabled_at "
                + "from registry_account where username = ?", this::accountRow, username).stream().findFirst();
    }

    public List<Account> all() {
        return jdbc.query("select username, organisation, role, password_hash, created_at, created_by, disabled_at "
                + "from registry_account order by username", this::accountRow);
    }

    public boolean anyAdmin() {
        Integer admins = jdbc.queryForObject("select count(*) from registry_account where role = 'ADMIN' "
                + "and disabled_at is null", Integer.class);
        return admins != null && admins > 0;
    }

    /** Disables an account: its tokens and password stop working at once; its history stays. */
    public void disable(String username) {
        if (jdbc.update("update registry_account set disabled_at = ? where username = ? and disabled_at is null",
                utc(clock.instant()), username) == 0 && find(username).isEmpty()) {
            throw new NotFoundException("account", username);
        }
        withdrawn(null);
        durability.afterWrite();
    }

    /** The user a password login stands for, with the password's hash, if the account is active. */
    public Optional<PasswordLogin> passwordLogin(String username) {
        return jdbc.query("select username, organisation, role, password_hash from registry_account "
                        + "where username = ? and disabled_at is null and password_hash is not null",
                (rs, i) -> new PasswordLogin(new RegistryUser(rs.getString(1), rs.getString(2),
                        Role.valueOf(rs.getString(3))), rs.getString(4)), username).stream().findFirst();
    }

    public record PasswordLogin(RegistryUser user, String passwordHash) {
    }

    @Transactional
    public IssuedToken issueToken(String username, String label, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_TOKEN_LIFETIME) > 0) {
            throw new IllegalArgumentException("a token lives between one day and " + MAX_TOKEN_LIFETIME.toDays()
                    + " days");
        }
        Account account = find(username).orElseThrow(() -> new NotFoundException("account", username));
        if (account.disabledAt() != null) {
            throw new ConflictException("account-disabled", "The account is disabled.");
        }
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String tokenId = HexFormat.of().formatHex(id);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        jdbc.update("insert into api_token (token_id, username, label, secret_hash, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?)", tokenId, username, label, sha256(secretText), utc(now),
                utc(now.plus(lifetime)));
        durability.afterWrite();
        return new IssuedToken(token(tokenId).orElseThrow(), "rgt_" + tokenId + "_" + secretText);
    }

    public Optional<Token> token(String tokenId) {
        return jdbc.query("select token_id, username, label, created_at, expires_at, revoked_at from api_token "
                + "where token_id = ?", this::tokenRow, tokenId).stream().findFirst();
    }

    public List<Token> tokens(String username) {
        return jdbc.query("select token_id, username, label, created_at, expires_at, revoked_at from api_token "
                + "where username = ? order by created_at", this::tokenRow, username);
    }

    public void revoke(String tokenId) {
        if (jdbc.update("update api_token set revoked_at = ? where token_id = ? and revoked_at is null",
                utc(clock.instant()), tokenId) == 0 && token(tokenId).isEmpty()) {
            throw new NotFoundException("token", tokenId);
        }
        withdrawn(tokenId);
        durability.afterWrite();
    }

    /**
     * After a revocation (of {@code tokenId}) or a disabling (null: any token) is written: no check made before it is
     * kept, or taken from what was kept.
     */
    private void withdrawn(String tokenId) {
        synchronized (withdrawals) {
            withdrawals.incrementAndGet();
            if (checked != null) {
                if (tokenId == null) {
                    checked.invalidateAll();
                } else {
                    checked.invalidate(tokenId);
                }
            }
        }
    }

    /**
     * The user a presented token stands for, if it is well-formed, known, unrevoked, unexpired and its account
     * active. The secret is compared in constant time.
     */
    public Optional<RegistryUser> authenticate(String presented) {
        Matcher matcher = presented == null ? null : TOKEN.matcher(presented);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        String tokenId = matcher.group(1);
        Instant now = clock.instant();
        ValidToken valid = checked == null ? null : checked.getIfPresent(tokenId);
        if (valid == null || !valid.expiresAt().isAfter(now)) {
            long withdrawalsBefore = withdrawals.get();
            valid = jdbc.query("select t.secret_hash, t.expires_at, a.username, a.organisation, a.role "
                            + "from api_token t join registry_account a on a.username = t.username "
                            + "where t.token_id = ? and t.revoked_at is null and t.expires_at > ? "
                            + "and a.disabled_at is null",
                    (rs, i) -> new ValidToken(rs.getString(1), instant(rs, 2), new RegistryUser(rs.getString(3),
                            rs.getString(4), Role.valueOf(rs.getString(5)))), tokenId, utc(now))
                    .stream().findFirst().orElse(null);
            if (valid == null) {
                return Optional.empty();
            }
            if (checked != null) {
                synchronized (withdrawals) {
                    if (withdrawals.get() == withdrawalsBefore) {
                        checked.put(tokenId, valid);
                    }
                }
            }
        }
        boolean matches = MessageDigest.isEqual(valid.secretHash().getBytes(StandardCharsets.US_ASCII),
                sha256(matcher.group(2)).getBytes(StandardCharsets.US_ASCII));
        return matches ? Optional.of(valid.user()) : Optional.empty();
    }

    public void grant(String username, String incidentId, String grantedBy) {
        Account account = find(username).orElseThrow(() -> new NotFoundException("account", username));
        if (account.role() != Role.LAWYER) {
            throw new ConflictException("not-a-lawyer", "Cases are granted to lawyers only.");
        }
        try {
            jdbc.update("insert into case_grant (username, incident_id, granted_by, granted_at) values (?, ?, ?, ?)",
                    username, incidentId, grantedBy, utc(clock.instant()));
        } catch (DuplicateKeyException e) {
            // granted already: nothing to do
        }
        durability.afterWrite();
    }

    public void revokeGrant(String username, String incidentId) {
        jdbc.update("delete from case_grant where username = ? and incident_id = ?", username, incidentId);
        durability.afterWrite();
    }

    public boolean isGranted(String username, String incidentId) {
        Integer grants = jdbc.queryForObject("select count(*) from case_grant where username = ? and incident_id = ?",
                Integer.class, username, incidentId);
        return grants != null && grants > 0;
    }

    public List<String> grants(String username) {
        return jdbc.queryForList("select incident_id from case_grant where username = ? order by incident_id",
                String.class, username);
    }

    private Account accountRow(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4) != null,
                instant(rs, 5), rs.getString(6), instant(rs, 7));
    }

    private Token tokenRow(ResultSet rs, int row) throws SQLException {
        return new Token(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5),
                instant(rs, 6));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

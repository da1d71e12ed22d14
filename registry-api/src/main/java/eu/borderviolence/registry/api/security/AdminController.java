package eu.borderviolence.registry.api.security;

import eu.borderviolence.registry.api.crypto.KeyVault;
import eu.borderviolence.registry.api.error.InvalidRequestException;
import eu.borderviolence.registry.api.rest.Caller;
import eu.borderviolence.registry.api.rest.RequestChecks;
import eu.borderviolence.registry.api.storage.Durability;
import eu.borderviolence.registry.core.api.IncidentId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Administrators manage accounts, API tokens and lawyers' case grants; they read no case data. */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Accounts, API tokens and case grants.")
public class AdminController {

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$");
    static final int MIN_PASSWORD_LENGTH = 12;

    private final Accounts accounts;
    private final RequestChecks checks;
    private final KeyVault vault;
    private final Durability durability;

    AdminController(Accounts accounts, RequestChecks checks, KeyVault vault, Durability durability) {
        this.accounts = accounts;
        this.checks = checks;
        this.vault = vault;
        this.durability = durability;
    }

    /** The outcome of re-wrapping the data keys. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "The outcome of re-wrapping the witnesses' data keys.")
    public record Rewrapped(
            @io.swagger.v3.oas.annotations.media.Schema(description = "Data keys re-wrapped by this call; repeat "
                    + "until 0.") int rewrapped,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Fingerprint of the master key that now wraps "
                    + "them.") String masterKeyId) {
    }

    @Operation(summary = "Re-wrap the witnesses' data keys under the current master key",
            description = "Step 3 of a master-key rotation (docs/operations.md): every live data key wrapped by a "
                    + "previous master key is wrapped anew by the current one. Destroyed keys stay destroyed.")
    @PostMapping("/master-key/rewrap")
    public Rewrapped rewrap(Caller caller) {
        int rewrapped = vault.rewrapUnderCurrentMasterKey();
        // On disk before the answer: an operator who sees 0 left removes the previous master key next.
        durability.afterWrite();
        log.info("{} data keys re-wrapped under master key {} by {}", rewrapped, vault.masterKeyId(),
                caller.actor().principal());
        return new Rewrapped(rewrapped, vault.masterKeyId());
    }

    @Operation(summary = "Create an account")
    @ApiResponse(responseCode = "201", description = "Created.")
    @PostMapping(path = "/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Accounts.Account> create(@RequestBody AccountRequest request, Caller caller) {
        checks.problems().required(request.role(), "role").throwIfAny();
        name(request.username(), "username");
        name(request.organisation(), "organisation");
        if (request.password() != null && request.password().length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidRequestException("password", "must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        Accounts.Account account = accounts.create(request.username(), request.organisation(), request.role(),
                request.password(), caller.actor().principal());
        log.info("Account {} ({}) created by {}", account.username(), account.role(), caller.actor().principal());
        return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + account.username())).body(account);
    }

    @Operation(summary = "List the accounts")
    @GetMapping("/accounts")
    public List<Accounts.Account> accounts() {
        return accounts.all();
    }

    @Operation(summary = "Disable an account", description = "Its tokens and password stop working at once.")
    @ApiResponse(responseCode = "204", description = "Disabled.")
    @PostMapping("/accounts/{username}/disable")
    public ResponseEntity<Void> disable(@Parameter(description = "The account.") @PathVariable String username,
                                        Caller caller) {
        accounts.disable(username);
        log.info("Account {} disabled by {}", username, caller.actor().principal());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Issue an API token",
            description = "The answer holds the token's secret, shown this once: hand it to its user over a safe "
                    + "channel. The registry keeps only its hash.")
    @ApiResponse(responseCode = "201", description = "Issued.")
    @PostMapping(path = "/accounts/{username}/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Accounts.IssuedToken> issue(
            @Parameter(description = "The account.") @PathVariable String username,
            @RequestBody TokenRequest request, Caller caller) {
        checks.problems().required(request.label(), "label").maxLength(request.label(), 100, "label")
                .required(request.validDays(), "validDays").throwIfAny();
        if (request.validDays() < 1 || request.validDays() > Accounts.MAX_TOKEN_LIFETIME.toDays()) {
            throw new InvalidRequestException("validDays", "must be between 1 and "
                    + Accounts.MAX_TOKEN_LIFETIME.toDays());
        }
        Accounts.IssuedToken issued = accounts.issueToken(username, request.label(),
                Duration.ofDays(request.validDays()));
        log.info("Token {} for {} issued by {}", issued.token().tokenId(), username, caller.actor().principal());
        return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + username + "/tokens")).body(issued);
    }

    @Operation(summary = "List an account's tokens", description = "Never their secrets.")
    @GetMapping("/accounts/{username}/tokens")
    public List<Accounts.Token> tokens(@Parameter(description = "The account.") @PathVariable String username) {
        return accounts.tokens(username);
    }

    @Operation(summary = "Revoke an API token", description = "It stops working at once.")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @PostMapping("/tokens/{tokenId}/revocation")
    public ResponseEntity<Void> revoke(@Parameter(description = "The token's id.") @PathVariable String tokenId,
                                       Caller caller) {
        accounts.revoke(tokenId);
        log.info("Token {} revoked by {}", tokenId, caller.actor().principal());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Grant a lawyer a case",
            description = "The lawyer may then read the testimonies of the incident, personal data included.")
    @ApiResponse(responseCode = "204", description = "Granted.")
    @PutMapping("/accounts/{username}/grants/{incidentId}")
    public ResponseEntity<Void> grant(@Parameter(description = "The lawyer's account.") @PathVariable String username,
                                      @Parameter(description = "The incident.") @PathVariable IncidentId incidentId,
                                      Caller caller) {
        accounts.grant(username, incidentId.toString(), caller.actor().principal());
        log.info("Case {} granted to {} by {}", incidentId, username, caller.actor().principal());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Withdraw a lawyer's grant of a case")
    @ApiResponse(responseCode = "204", description = "Withdrawn.")
    @DeleteMapping("/accounts/{username}/grants/{incidentId}")
    public ResponseEntity<Void> withdraw(@Parameter(description = "The lawyer's account.") @PathVariable String username,
                                         @Parameter(description = "The incident.") @PathVariable IncidentId incidentId,
                                         Caller caller) {
        accounts.revokeGrant(username, incidentId.toString());
        log.info("Case {} withdrawn from {} by {}", incidentId, username, caller.actor().principal());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "List a lawyer's granted cases")
    @GetMapping("/accounts/{username}/grants")
    public List<String> grants(@Parameter(description = "The lawyer's account.") @PathVariable String username) {
        return accounts.grants(username);
    }

    private static void name(String value, String field) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InvalidRequestException(field, "must be 1 to 100 letters, digits, '.', '_', '@' or '-'");
        }
    }
}

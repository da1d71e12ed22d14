package eu.borderviolence.registry.api.security;

import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * API tokens for tests on the real application: one account per role, shaped like the registry's users, created if
 * missing, and a fresh token for each.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static Map<Role, String> issue(ApplicationContext app) {
        Accounts accounts = app.getBean(Accounts.class);
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        tokens.put(Role.REPORTER, token(accounts, "monitor-17", "klikaktiv", Role.REPORTER));
        tokens.put(Role.LAWYER, token(accounts, "lawyer-3", "klikaktiv", Role.LAWYER));
        tokens.put(Role.ANALYST, token(accounts, "analyst-1", "klikaktiv", Role.ANALYST));
        tokens.put(Role.AUDITOR, token(accounts, "auditor-1", "audit-office", Role.AUDITOR));
        tokens.put(Role.ADMIN, token(accounts, "admin-1", "registry-operators", Role.ADMIN));
        return tokens;
    }

    private static String token(Accounts accounts, String username, String organisation, Role role) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, organisation, role, null, "test");
        }
        return accounts.issueToken(username, "test", Duration.ofDays(1)).secret();
    }
}

package se.uppfoljningsliggaren.deploy.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import se.uppfoljningsliggaren.command.access.Role;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How people sign in: {@code oidc} validates JWTs from the region's identity provider (Microsoft Entra ID, Keycloak);
 * {@code local} signs in the configured demo users with HTTP Basic, for the embedded default only.
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(Mode mode, Map<String, LocalUser> users, Oidc oidc) {

    public enum Mode { LOCAL, OIDC }

    /** A demo user of the local mode: password (Spring Security's {id}-prefixed form), name, roles, nämnder. */
    public record LocalUser(String password, String name, Set<Role> roles, Set<String> namnder) {
    }

    /**
     * The identity provider: its issuer (discovery, or {@code jwkSetUri}, or a PEM {@code publicKeyLocation}), the
     * audience tokens must be for, the clock skew allowed, and which claims carry what. Claim paths may be nested
     * ("realm_access.roles" for Keycloak); {@code roleValues} maps a claim value (an Entra app role such as
     * "Ledger.Controller", a group id) to a role, and values not mapped are read as role names.
     */
    public record Oidc(String issuer, String jwkSetUri, String publicKeyLocation, String audience, Duration clockSkew,
                       String subjectClaim, String nameClaim, String rolesClaim, String namnderClaim,
                       String clientClaim, Map<String, Role> roleValues, List<String> groupsClaims) {
    }
}

package se.uppfoljningsliggaren.deploy.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import se.uppfoljningsliggaren.command.access.Caller;
import se.uppfoljningsliggaren.command.access.Role;
import se.uppfoljningsliggaren.deploy.web.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sign-in and the coarse rules by path; which write each role may make, and for which nämnd, is the command side's
 * {@link se.uppfoljningsliggaren.command.access.WritePolicy}. Every /api request is signed in (401 otherwise);
 * the audit trail is the revisor's, the admin operations the admin's; writes need a role that writes. Refusals are
 * problem+json and logged with who tried what. Stateless: no session, no cookie, so no CSRF to guard.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerSecurityProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http, LedgerSecurityProperties properties, Environment environment)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            log.info("Unauthenticated {} {} refused: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            response.setHeader("WWW-Authenticate", properties.mode() == LedgerSecurityProperties.Mode.LOCAL
                    ? "Basic realm=\"uppfoljningsliggaren\"" : "Bearer");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "Authorization",
                    "sign in: valid credentials are required (missing, expired or from another issuer)",
                    request.getRequestURI());
        };
        AccessDeniedHandler forbidden = (request, response, e) -> {
            log.warn("Refused: {} tried {} {}", request.getUserPrincipal() == null ? "?" : request.getUserPrincipal()
                    .getName(), request.getMethod(), request.getRequestURI());
            Problems.write(response, HttpStatus.FORBIDDEN, null, "your role does not allow this",
                    request.getRequestURI());
        };
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(paths -> paths
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/error").permitAll()
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        // a bundle carries the audit entries and the events as stored (who, role, scope): the revisor's
                        .requestMatchers("/api/audit/**", "/api/notary/bundles").hasRole(Role.REVISOR.name())
                        // a read by any signed-in user: HEAD is GET without the body, OPTIONS asks what a path takes
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/api/**").authenticated()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").authenticated()
                        .requestMatchers("/api/**").hasAnyRole(Role.CONTROLLER.name(), Role.REGIONSTYRELSEN.name(),
                                Role.ADMIN.name())
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden));
        switch (properties.mode()) {
            case LOCAL -> {
                if (environment.acceptsProfiles(Profiles.of("prod", "production"))) {
                    throw new IllegalStateException("ledger.security.mode=local (demo users) is refused in production:"
                            + " set ledger.security.mode=oidc and the identity provider (README)");
                }
                http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
                http.userDetailsService(localUsers(properties));
            }
            case OIDC -> http.oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthenticated)
                    .jwt(jwt -> jwt.decoder(jwtDecoder(properties.oidc()))
                            .jwtAuthenticationConverter(token -> new CallerAuthentication(caller(properties.oidc(),
                                    token), token))));
        }
        return http.build();
    }

    private static UserDetailsService localUsers(LedgerSecurityProperties properties) {
        Map<String, LedgerSecurityProperties.LocalUser> users = properties.users() == null ? Map.of() : properties.users();
        return username -> {
            LedgerSecurityProperties.LocalUser user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("no such user");
            }
            // The demo users' passwords are public ({noop}); any other is given hashed, e.g. {bcrypt}…
            String password = user.password().startsWith("{") ? user.password() : "{noop}" + user.password();
            return new LocalUserDetails(username, new LedgerSecurityProperties.LocalUser(password, user.name(),
                    user.roles(), user.namnder()));
        };
    }

    /** Signature (keys from the issuer, its JWK set or a configured key), issuer, audience, expiry with skew. */
    static JwtDecoder jwtDecoder(LedgerSecurityProperties.Oidc oidc) {
        NimbusJwtDecoder decoder;
        if (oidc.publicKeyLocation() != null && !oidc.publicKeyLocation().isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(oidc.publicKeyLocation())).build();
        } else if (oidc.jwkSetUri() != null && !oidc.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build();
        } else {
            decoder = NimbusJwtDecoder.withIssuerLocation(oidc.issuer()).build();
        }
        Duration skew = oidc.clockSkew() == null ? Duration.ofSeconds(60) : oidc.clockSkew();
        OAuth2TokenValidator<Jwt> audience = token -> token.getAudience() != null
                && token.getAudience().contains(oidc.audience()) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "not for this audience", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(skew),
                new JwtIssuerValidator(oidc.issuer()), audience));
        return decoder;
    }

    /** Who the token names, with the roles and nämnder its configured claims carry. */
    static Caller caller(LedgerSecurityProperties.Oidc oidc, Jwt token) {
        String subject = claimText(token, oidc.subjectClaim() == null ? "sub" : oidc.subjectClaim());
        String name = claimText(token, oidc.nameClaim() == null ? "name" : oidc.nameClaim());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> roleClaims = new java.util.ArrayList<>(List.of(oidc.rolesClaim() == null ? "roles"
                : oidc.rolesClaim()));
        if (oidc.groupsClaims() != null) {
            roleClaims.addAll(oidc.groupsClaims());
        }
        for (String claim : roleClaims) {
            for (String value : claimValues(token, claim)) {
                Role role = oidc.roleValues() != null ? oidc.roleValues().get(value) : null;
                if (role == null) {
                    role = java.util.Arrays.stream(Role.values()).filter(r -> r.name().equalsIgnoreCase(value))
                            .findFirst().orElse(null);
                }
                if (role != null) {
                    roles.add(role);
                }
            }
        }
        TreeSet<String> namnder = new TreeSet<>(claimValues(token, oidc.namnderClaim() == null ? "namnder"
                : oidc.namnderClaim()));
        String client = claimText(token, oidc.clientClaim() == null ? "azp" : oidc.clientClaim());
        return new Caller(subject, name != null ? name : subject, roles, namnder, client != null ? client : "unknown");
    }

    /** A claim by path ("realm_access.roles"), as a list of strings (a single string is a list of one). */
    private static List<String> claimValues(Jwt token, String path) {
        Object value = token.getClaims();
        for (String part : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private static String claimText(Jwt token, String path) {
        List<String> values = claimValues(token, path);
        return values.isEmpty() ? null : values.get(0);
    }

    private static RSAPublicKey publicKey(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the token signing key at " + location, e);
        }
    }

}

package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-in with real JWTs (signed by a test key, validated as in production: signature, issuer, audience, expiry)
 * and each role's allowed and refused writes: 401 without valid credentials, 403 outside one's role or nämnd, and
 * nothing stored when refused. The events of an allowed write carry who, in which role and scope, through which
 * client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.embedded-postgres.data-directory=",
        "ledger.demo-data.enabled=false",
        "ledger.security.mode=oidc",
        "ledger.security.oidc.issuer=" + SecurityIT.ISSUER,
        "ledger.security.oidc.audience=" + SecurityIT.AUDIENCE})
class SecurityIT {

    static final String ISSUER = "https://idp.test/realms/region";
    static final String AUDIENCE = "api://uppfoljningsliggaren";
    private static final KeyPair KEY = keyPair();
    private static final KeyPair OTHER_KEY = keyPair();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void signingKey(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("idp", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEY.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("ledger.security.oidc.public-key-location", () -> "file:" + pem);
    }

    @BeforeAll
    static void noUsageReporting() {
        LedgerApplication.disableAxonUsageReporting();
    }

    /** A token as the identity provider would issue it: app roles and nämnder as claims. */
    static String token(String subject, List<String> roles, List<String> namnder) {
        return token(subject, roles, namnder, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), KEY);
    }

    static String token(String subject, List<String> roles, List<String> namnder, String issuer, String audience,
                        Instant expiry, KeyPair key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .subject(subject).issuer(issuer).audience(audience).claim("name", "Namn " + subject)
                    .claim("roles", roles).claim("namnder", namnder).claim("azp", "ledger-web")
                    .issueTime(Date.from(Instant.now().minusSeconds(10))).expirationTime(Date.from(expiry)).build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String token, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static final String ADMIN = token("admin-1", List.of("ADMIN"), List.of());
    private static final String SN_CONTROLLER = token("sven-1", List.of("CONTROLLER"), List.of("SN"));
    private static final String RS_CONTROLLER = token("rita-1", List.of("CONTROLLER"), List.of("RS"));
    private static final String KANSLI = token("karin-1", List.of("REGIONSTYRELSEN"), List.of());
    private static final String REVISOR = token("rolf-1", List.of("REVISOR"), List.of());

    private void givenCatalogue() {
        for (String code : List.of("RS", "SN")) {
            send(HttpMethod.POST, "/api/namnder", ADMIN, "{\"code\": \"" + code + "\", \"name\": \"Nämnd " + code + "\"}");
        }
        send(HttpMethod.POST, "/api/indikatorer", ADMIN, """
                {"indikatorId": "telefontillganglighet-primarvard", "name": "Telefontillgängligheten i primärvård"}""");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no token|NONE|401",
            "expired|EXPIRED|401",
            "another issuer|OTHER_ISSUER|401",
            "another audience|OTHER_AUDIENCE|401",
            "signed by another key|OTHER_KEY|401",
            "not a JWT|GARBAGE|401",
    })
    void without_valid_credentials_nothing_is_read_or_written(String what, String kind, int status) {
        Instant soon = Instant.now().plus(Duration.ofMinutes(5));
        String token = switch (kind) {
            case "NONE" -> null;
            case "EXPIRED" -> token("sven-1", List.of("CONTROLLER"), List.of("SN"), ISSUER, AUDIENCE,
                    Instant.now().minus(Duration.ofMinutes(10)), KEY);
            case "OTHER_ISSUER" -> token("sven-1", List.of("CONTROLLER"), List.of("SN"), "https://evil.test", AUDIENCE,
                    soon, KEY);
            case "OTHER_AUDIENCE" -> token("sven-1", List.of("CONTROLLER"), List.of("SN"), ISSUER, "api://other",
                    soon, KEY);
            case "OTHER_KEY" -> token("sven-1", List.of("CONTROLLER"), List.of("SN"), ISSUER, AUDIENCE, soon,
                    OTHER_KEY);
            default -> "not.a.jwt";
        };
        long before = events();
        ResponseEntity<JsonNode> write = send(HttpMethod.POST, "/api/plans", token,
                "{\"namnd\": \"SN\", \"year\": 2030, \"title\": \"x\"}");
        ResponseEntity<JsonNode> read = send(HttpMethod.GET, "/api/plans", token, null);
        assertThat(write.getStatusCode().value()).as(what).isEqualTo(status);
        assertThat(read.getStatusCode().value()).as(what).isEqualTo(status);
        assertThat(write.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(write.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a controller writing another nämnd's plan|RS_CONTROLLER|POST|/api/plans|{\"namnd\": \"SN\", \"year\": 2031, \"title\": \"x\"}",
            "a revisor writing a plan|REVISOR|POST|/api/plans|{\"namnd\": \"SN\", \"year\": 2031, \"title\": \"x\"}",
            "a revisor recording an utfall|REVISOR|POST|/api/utfall|{\"namnd\": \"SN\", \"indikatorId\": \"telefontillganglighet-primarvard\", \"figure\": {\"value\": \"83 %\", \"period\": \"september 2026\"}}",
            "an admin recording an utfall|ADMIN|POST|/api/utfall|{\"namnd\": \"SN\", \"indikatorId\": \"telefontillganglighet-primarvard\", \"figure\": {\"value\": \"83 %\", \"period\": \"september 2026\"}}",
            "a controller registering a nämnd|SN_CONTROLLER|POST|/api/namnder|{\"code\": \"XX\", \"name\": \"X\"}",
            "a controller issuing an RF uppdrag|SN_CONTROLLER|POST|/api/rf-uppdrag|{\"year\": 2031, \"nr\": 1, \"text\": \"x\", \"givenTo\": [\"SN\"]}",
            "a controller writing the regionövergripande IK rows|SN_CONTROLLER|POST|/api/ik-plans|{\"regionovergripande\": true, \"year\": 2031}",
            "regionstyrelsen writing a nämnd's IK-plan|KANSLI|POST|/api/ik-plans|{\"namnd\": \"SN\", \"year\": 2031}",
            "a controller making the samlad ISK-bedömning|SN_CONTROLLER|POST|/api/isk-bedomningar|{\"regionovergripande\": true, \"year\": 2031, \"tillracklig\": true, \"motivation\": \"x\"}",
            "a controller rebuilding the read model|SN_CONTROLLER|POST|/api/admin/read-model/rebuild|-",
            "a controller listing dead letters|SN_CONTROLLER|GET|/api/admin/dead-letters|-",
            "regionstyrelsen reading the audit trail|KANSLI|GET|/api/audit/people/x|-",
            "a controller exporting an audit bundle (it carries the audit trail)|SN_CONTROLLER|GET|/api/notary/bundles?entityKey=plan:SN-2031|-",
            "an admin exporting an audit bundle|ADMIN|GET|/api/notary/bundles?diarienummer=26RS0123|-",
    })
    void outside_ones_role_or_namnd_is_forbidden_and_stores_nothing(String what, String who, String method,
                                                                   String path, String body) {
        givenCatalogue();
        long before = events();
        ResponseEntity<JsonNode> response = send(HttpMethod.valueOf(method), path, tokenOf(who),
                body.equals("-") ? null : body);
        assertThat(response.getStatusCode().value()).as(what + ": " + response.getBody()).isEqualTo(403);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("reason").asText()).isNotBlank();
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an admin registers a nämnd|ADMIN|/api/namnder|{\"code\": \"RTN\", \"name\": \"Regional tillväxtnämnd\"}",
            "regionstyrelsen issues an RF uppdrag|KANSLI|/api/rf-uppdrag|{\"year\": 2031, \"nr\": 7, \"text\": \"Utred x\", \"givenTo\": [\"SN\"]}",
            "regionstyrelsen writes the regionövergripande IK rows|KANSLI|/api/ik-plans|{\"regionovergripande\": true, \"year\": 2031}",
            "a controller starts their nämnd's plan|SN_CONTROLLER|/api/plans|{\"namnd\": \"SN\", \"year\": 2031, \"title\": \"Verksamhetsplan 2031\"}",
            "a controller records their nämnd's utfall|SN_CONTROLLER|/api/utfall|{\"namnd\": \"SN\", \"indikatorId\": \"telefontillganglighet-primarvard\", \"planYear\": 2031, \"figure\": {\"value\": \"83 %\", \"period\": \"september 2031\"}}",
    })
    void within_ones_role_and_namnd_a_write_is_recorded(String what, String who, String path, String body) {
        givenCatalogue();
        if (path.equals("/api/utfall")) {
            send(HttpMethod.POST, "/api/plans", SN_CONTROLLER, "{\"namnd\": \"SN\", \"year\": 2031, \"title\": \"Plan\"}");
        }
        ResponseEntity<JsonNode> response = send(HttpMethod.POST, path, tokenOf(who), body);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(what + ": " + response.getBody()).isTrue();
    }

    @Test
    void the_events_of_a_write_carry_who_in_which_role_and_scope_through_which_client() {
        givenCatalogue();
        assertThat(send(HttpMethod.POST, "/api/plans", RS_CONTROLLER,
                "{\"namnd\": \"RS\", \"year\": 2032, \"title\": \"Verksamhetsplan 2032\"}").getStatusCode().value())
                .isEqualTo(201);
        String metadata = new String(jdbc.queryForObject("SELECT meta_data FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'RS-2032'", byte[].class), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(metadata).contains("\"principal\":\"rita-1\"", "\"principalName\":\"Namn rita-1\"",
                "\"role\":\"CONTROLLER\"", "\"namndScope\":\"RS\"", "\"client\":\"ledger-web\"", "\"recordedAt\"",
                "\"requestId\"");
        assertThat(send(HttpMethod.GET, "/api/plans", REVISOR, null).getStatusCode().value()).isEqualTo(200);
        assertThat(send(HttpMethod.GET, "/api/admin/dead-letters", ADMIN, null).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void the_admin_grants_and_takes_back_a_nämnd_in_the_scope_register() {
        givenCatalogue();
        String plan = "{\"namnd\": \"RS\", \"year\": 2033, \"title\": \"Verksamhetsplan 2033\"}";
        assertThat(send(HttpMethod.POST, "/api/plans", SN_CONTROLLER, plan).getStatusCode().value()).isEqualTo(403);
        assertThat(send(HttpMethod.PUT, "/api/admin/users/sven-1/namnder", SN_CONTROLLER,
                "{\"namnder\": [\"RS\"]}").getStatusCode().value()).as("only an admin").isEqualTo(403);

        assertThat(send(HttpMethod.PUT, "/api/admin/users/sven-1/namnder", ADMIN,
                "{\"name\": \"Sven Nilsson\", \"namnder\": [\"RS\"]}").getStatusCode().value()).isEqualTo(200);
        assertThat(send(HttpMethod.POST, "/api/plans", SN_CONTROLLER, plan).getStatusCode().value()).isEqualTo(201);
        String metadata = new String(jdbc.queryForObject("SELECT meta_data FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'RS-2033'", byte[].class), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(metadata).contains("\"namndScope\":\"RS,SN\"");

        assertThat(send(HttpMethod.PUT, "/api/admin/users/sven-1/namnder", ADMIN, "{\"namnder\": []}")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(send(HttpMethod.POST, "/api/plans/RS-2033/goals", SN_CONTROLLER,
                "{\"kind\": \"MALOMRADE\", \"origin\": \"NAMND\", \"title\": \"Kommunikation\"}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(send(HttpMethod.PUT, "/api/admin/users/sven-1/namnder", ADMIN, "{\"namnder\": [\"NOPE\"]}")
                .getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void the_local_mode_is_refused_when_a_production_profile_is_active() throws Exception {
        // The notary's key is configured, so that the refusal seen is the local mode's (prod refuses a generated key).
        KeyPair notary = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        java.nio.file.Path signingKey = java.nio.file.Files.write(java.nio.file.Files.createTempFile("notary", ".der"),
                notary.getPrivate().getEncoded());
        java.nio.file.Path publicKey = java.nio.file.Files.write(java.nio.file.Files.createTempFile("notary", ".der"),
                notary.getPublic().getEncoded());
        assertThatThrownBy(() -> SpringApplication.run(LedgerApplication.class, "--spring.profiles.active=prod",
                "--ledger.embedded-postgres.data-directory=", "--server.port=0", "--ledger.demo-data.enabled=false",
                "--ledger.notary.signing-key=" + signingKey, "--ledger.notary.public-key=" + publicKey)
                .close())
                .hasStackTraceContaining("ledger.security.mode=local (demo users) is refused in production");
    }

    private static String tokenOf(String who) {
        return switch (who) {
            case "ADMIN" -> ADMIN;
            case "SN_CONTROLLER" -> SN_CONTROLLER;
            case "RS_CONTROLLER" -> RS_CONTROLLER;
            case "KANSLI" -> KANSLI;
            default -> REVISOR;
        };
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

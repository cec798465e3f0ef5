package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

/**
 * Base of the tests that drive the HTTP API of the whole service against real PostgreSQL (a throw-away embedded
 * server per test JVM). Tests share it, so each uses its own nämnd codes.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.embedded-postgres.data-directory=",
        "ledger.demo-data.enabled=false",
        // One test user who may do everything, so a test writes what it needs; SecurityIT tests the real roles.
        "ledger.security.users[" + LedgerIntegrationTest.PRINCIPAL + "].password=" + LedgerIntegrationTest.PASSWORD,
        "ledger.security.users[" + LedgerIntegrationTest.PRINCIPAL + "].name=Anna Controller",
        "ledger.security.users[" + LedgerIntegrationTest.PRINCIPAL + "].roles=CONTROLLER,REGIONSTYRELSEN,ADMIN,REVISOR",
        "ledger.security.users[" + LedgerIntegrationTest.PRINCIPAL + "].namnder=*",
        // Two more people, for tests that tell who did what apart
        "ledger.security.users[aud.controller@regionorebrolan.se].password=" + LedgerIntegrationTest.PASSWORD,
        "ledger.security.users[aud.controller@regionorebrolan.se].roles=CONTROLLER,ADMIN",
        "ledger.security.users[aud.controller@regionorebrolan.se].namnder=*",
        "ledger.security.users[rita.revisor@regionorebrolan.se].password=" + LedgerIntegrationTest.PASSWORD,
        "ledger.security.users[rita.revisor@regionorebrolan.se].roles=REVISOR"})
abstract class LedgerIntegrationTest {

    static final String PRINCIPAL = "anna.controller@regionorebrolan.se";
    static final String PASSWORD = "test";
    /** HTTP Basic of the test user, for requests sent by hand (RawHttp). */
    static final String AUTHORIZATION = "Basic " + java.util.Base64.getEncoder()
            .encodeToString((PRINCIPAL + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /** Signed in by no one. */
    @Autowired
    TestRestTemplate anonymous;
    /** Signed in as the test user. */
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @BeforeAll
    static void noUsageReporting() {
        LedgerApplication.disableAxonUsageReporting();
    }

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        http = anonymous.withBasicAuth(PRINCIPAL, PASSWORD);
    }

    ResponseEntity<JsonNode> post(String path, String body) {
        return send(HttpMethod.POST, path, body, Map.of());
    }

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String body, Map<String, String> extraHeaders) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        extraHeaders.forEach(headers::set);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    JsonNode get(String path) {
        ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("GET " + path + " → " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody();
    }

    /** Reads a view until the read side has caught up with what the test wrote (projections are asynchronous). */
    JsonNode awaitGet(String path, java.util.function.Predicate<JsonNode> caughtUp) throws InterruptedException {
        return awaitGet(http, path, caughtUp);
    }

    /** The same, as the person the client signs in as. */
    JsonNode awaitGet(org.springframework.boot.test.web.client.TestRestTemplate client, String path,
                      java.util.function.Predicate<JsonNode> caughtUp) throws InterruptedException {
        ResponseEntity<JsonNode> response = null;
        for (int i = 0; i < 200; i++) {
            response = client.getForEntity(path, JsonNode.class);
            if (response.getStatusCode().is2xxSuccessful() && caughtUp.test(response.getBody())) {
                return response.getBody();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " never caught up; last answer " + response.getStatusCode() + " "
                + response.getBody());
    }

    long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /** A nämnd with an indikator and a plan in utkast, ready for goals. */
    void givenPlan(String namnd, int year) {
        ok(post("/api/namnder", """
                {"code": "%s", "name": "Nämnd %s", "forvaltning": "Regionkansliet"}""".formatted(namnd, namnd)));
        post("/api/indikatorer", """
                {"indikatorId": "telefontillganglighet-primarvard", "name": "Telefontillgängligheten i primärvård",
                 "unit": "%"}""");
        ok(post("/api/plans", """
                {"namnd": "%s", "year": %d, "title": "Verksamhetsplan med budget %d", "planningYears": [%d, %d]}"""
                .formatted(namnd, year, year, year + 1, year + 2)));
    }

    static ResponseEntity<JsonNode> ok(ResponseEntity<JsonNode> response) {
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("expected success, got " + response.getStatusCode() + " " + response.getBody());
        }
        return response;
    }
}

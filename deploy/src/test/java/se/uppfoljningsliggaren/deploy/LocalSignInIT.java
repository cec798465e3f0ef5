package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The local mode's demo users, as the README names them: each may what their role allows and nothing else. */
class LocalSignInIT extends LedgerIntegrationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a controller writing another nämnd's plan|sn.controller|demo|/api/plans|{\"namnd\": \"LRS\", \"year\": 2040, \"title\": \"x\"}|403",
            "the revisor writing anything|revisor|demo|/api/plans|{\"namnd\": \"LSN\", \"year\": 2040, \"title\": \"x\"}|403",
            "the admin recording an utfall|admin|demo|/api/utfall|{\"namnd\": \"LSN\", \"indikatorId\": \"telefontillganglighet-primarvard\", \"figure\": {\"value\": \"83 %\", \"period\": \"september 2040\"}}|403",
            "regionkansliet writing a nämnd's plan|rs.kansli|demo|/api/plans|{\"namnd\": \"LSN\", \"year\": 2040, \"title\": \"x\"}|403",
            "a wrong password|sn.controller|guess|/api/plans|{\"namnd\": \"LSN\", \"year\": 2040, \"title\": \"x\"}|401",
            "a user who does not exist|mallory|demo|/api/plans|{\"namnd\": \"LSN\", \"year\": 2040, \"title\": \"x\"}|401",
            "the admin registering a nämnd|admin|demo|/api/namnder|{\"code\": \"LRT\", \"name\": \"Nämnd LRT\"}|201",
    })
    void a_demo_user_may_what_their_role_allows(String what, String user, String password, String path, String body,
                                                int status) {
        post("/api/namnder", "{\"code\": \"LRS\", \"name\": \"Nämnd LRS\"}");
        post("/api/indikatorer", """
                {"indikatorId": "telefontillganglighet-primarvard", "name": "Telefontillgängligheten i primärvård"}""");
        long before = eventCount();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = anonymous.withBasicAuth(user, password)
                .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(response.getStatusCode().value()).as(what + ": " + response.getBody()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(eventCount()).isEqualTo(before);
        }
    }
}

package se.uppfoljningsliggaren.deploy;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** For tests that start the service themselves: its arguments on a data directory, and a signed-in client. */
final class StandaloneService {

    private static final String USER = "tester";
    private static final String PASSWORD = "test";

    private StandaloneService() {
    }

    static String[] args(Path pgdata) {
        return new String[] {"--ledger.embedded-postgres.data-directory=" + pgdata, "--server.port=0",
                "--ledger.demo-data.enabled=false",
                "--ledger.security.users[" + USER + "].password=" + PASSWORD,
                "--ledger.security.users[" + USER + "].roles=CONTROLLER,ADMIN",
                "--ledger.security.users[" + USER + "].namnder=*"};
    }

    static RestClient api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(USER, PASSWORD, StandardCharsets.UTF_8)).build();
    }
}

package se.uppfoljningsliggaren.deploy.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.uppfoljningsliggaren.deploy.security.LedgerSecurityProperties;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Loads the demo plans once the service answers, on every start; idempotency keys make repeats append nothing. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.demo-data.enabled", havingValue = "true")
class DemoDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoDataConfiguration.class);

    /** A failed demo load is logged, never fatal: the ledger itself is sound without its demo. */
    @EventListener
    void load(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext() instanceof WebServerApplicationContext web) {
            try {
                LedgerSecurityProperties security = ready.getApplicationContext()
                        .getBean(LedgerSecurityProperties.class);
                if (security.mode() != LedgerSecurityProperties.Mode.LOCAL) {
                    log.info("Demo data is loaded by the local mode's demo users only; skipped");
                    return;
                }
                Map<String, String> passwords = new HashMap<>();
                security.users().forEach((name, user) -> passwords.put(name, user.password()));
                new DemoDataLoader("http://localhost:" + web.getWebServer().getPort(),
                        ready.getApplicationContext().getBean(ObjectMapper.class), passwords).load();
            } catch (IOException | RuntimeException e) {
                log.error("Demo data could not be loaded", e);
            }
        }
    }
}

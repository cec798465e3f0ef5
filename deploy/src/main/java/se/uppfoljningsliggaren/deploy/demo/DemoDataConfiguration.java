package se.uppfoljningsliggaren.deploy.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

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
                new DemoDataLoader("http://localhost:" + web.getWebServer().getPort(),
                        ready.getApplicationContext().getBean(ObjectMapper.class)).load();
            } catch (IOException | RuntimeException e) {
                log.error("Demo data could not be loaded", e);
            }
        }
    }
}

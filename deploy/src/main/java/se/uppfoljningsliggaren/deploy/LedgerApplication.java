package se.uppfoljningsliggaren.deploy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import se.uppfoljningsliggaren.command.CommandSideConfiguration;
import se.uppfoljningsliggaren.query.QuerySideConfiguration;

/** The ledger as one process by default; the "command" and "query" profiles run one side each. */
@SpringBootApplication
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class})
public class LedgerApplication {

    public static void main(String[] args) {
        disableAxonUsageReporting();
        SpringApplication.run(LedgerApplication.class, args);
    }

    /**
     * Axon's update checker calls out to AxonIQ; the ledger must never call out. In 4.12.2 only this property
     * (or the AXONIQ_UPDATE_CHECKER_DISABLED environment variable) turns it off.
     */
    public static void disableAxonUsageReporting() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }
}

package se.uppfoljningsliggaren.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;

/** Operations on the read side. Read tables are disposable: rebuilding them loses nothing. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Admin")
public class AdminController {

    private final ReadModelRebuilder rebuilder;

    AdminController(ReadModelRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping("/read-model/rebuild")
    @Operation(summary = "Rebuild every read table by replaying the event store; answers when caught up")
    public ReadModelRebuilder.RebuildReport rebuild(
            @RequestHeader(name = "X-Principal", required = false) String principal) throws InterruptedException {
        if (principal == null || principal.isBlank()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "an admin operation must name its principal");
        }
        return rebuilder.rebuildAll(Duration.ofMinutes(10));
    }
}

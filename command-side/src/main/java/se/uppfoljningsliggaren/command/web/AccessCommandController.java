package se.uppfoljningsliggaren.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljningsliggaren.kernel.access.AccessCommands;
import se.uppfoljningsliggaren.kernel.access.AccessCommands.SetNamndScope;

import java.util.Set;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The admin's register of the nämnder each person writes for. */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "Admin")
public class AccessCommandController {

    private final CommandDispatcher dispatcher;

    AccessCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public record NamndScopeRequest(String name, @Schema(requiredMode = REQUIRED) Set<String> namnder) {
    }

    @PutMapping("/{subject}/namnder")
    @Operation(summary = "Set the nämnder a person writes for as controller (their stable id: the token's subject), "
            + "in addition to those their token carries; an empty list takes the granted ones back. Admin only")
    public ResponseEntity<Object> setNamndScope(@PathVariable String subject, @RequestBody NamndScopeRequest body,
                                                HttpServletRequest http) {
        return dispatcher.change(http, "PUT /api/admin/users/" + subject + "/namnder", body, subject, null,
                expectedVersion -> new SetNamndScope(AccessCommands.behorighetId(subject), expectedVersion, subject, body.name(),
                        body.namnder()));
    }
}

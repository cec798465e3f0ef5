package se.uppfoljningsliggaren.command.web;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.command.access.AccessRefusedException;

/**
 * Every refused write answers application/problem+json naming the field and the reason: 422 for one that breaks a
 * rule, 409 for one that conflicts with what is recorded, 401 without a
 * signed-in caller, 403 outside the caller's role or nämnd scope. Nothing was stored in any of these cases. (A body that cannot be read at all is refused before, at the
 * boundary every endpoint shares: deploy's BoundaryProblemHandler.)
 */
@RestControllerAdvice(basePackages = "se.uppfoljningsliggaren.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

    @ExceptionHandler(UnauthenticatedWriteException.class)
    ProblemDetail unauthenticated(UnauthenticatedWriteException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Authorization", e.getMessage());
    }

    @ExceptionHandler(AccessRefusedException.class)
    ProblemDetail forbidden(AccessRefusedException e) {
        return problem(HttpStatus.FORBIDDEN, null, e.getMessage());
    }

    @ExceptionHandler(CommandRejectedException.class)
    ProblemDetail rejected(CommandRejectedException e) {
        HttpStatus status = switch (e.kind()) {
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID, UNKNOWN_REFERENCE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return problem(status, e.field(), e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "id", "nothing is recorded under " + e.getAggregateIdentifier());
    }

    /** The addressed id belongs to another kind of record (a plan's path holding an indikator id): none of this kind. */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ProblemDetail otherKind(IncompatibleAggregateException e) {
        return problem(HttpStatus.NOT_FOUND, "id", "nothing of this kind is recorded under that id");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail exists(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "id", "already recorded: " + e.getMessage()
                .replaceAll("^[^\\[]*\\[([^\\]]+)\\].*$", "$1") + " exists");
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail stale(ConflictingAggregateVersionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "If-Match", "you saw version " + e.getExpectedVersion()
                + " but it is now at version " + e.getActualVersion() + "; read it again and retry");
        problem.setProperty("currentVersion", e.getActualVersion());
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, null, "a concurrent change was recorded first; read again and retry");
    }

    static ProblemDetail problem(HttpStatus status, String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
        if (field != null) {
            problem.setProperty("field", field);
        }
        problem.setProperty("reason", reason);
        return problem;
    }
}

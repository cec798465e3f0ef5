package se.uppfoljningsliggaren.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.uppfoljningsliggaren.command.CommandRejectedException;

import java.util.stream.Collectors;

/**
 * Every refused write answers application/problem+json naming the field and the reason: 400 for a request that
 * cannot be read, 422 for one that breaks a rule, 409 for one that conflicts with what is recorded, 401 without a
 * principal. Nothing was stored in any of these cases.
 */
@RestControllerAdvice(basePackages = "se.uppfoljningsliggaren.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

    @ExceptionHandler(UnauthenticatedWriteException.class)
    ProblemDetail unauthenticated(UnauthenticatedWriteException e) {
        return problem(HttpStatus.UNAUTHORIZED, WriteContext.PRINCIPAL_HEADER, e.getMessage());
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
        return problem(HttpStatus.NOT_FOUND, null, "nothing is recorded under " + e.getAggregateIdentifier());
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

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (!(cause instanceof JsonProcessingException json)) {
            return problem(HttpStatus.BAD_REQUEST, null, "the request body is missing or not JSON");
        }
        String field = cause instanceof JsonMappingException mapping ? path(mapping) : null;
        Throwable rule = rootCause(cause);
        if (rule instanceof IllegalArgumentException) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, field, rule.getMessage());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problem(HttpStatus.BAD_REQUEST, field, "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (cause instanceof InvalidFormatException format) {
            return problem(HttpStatus.BAD_REQUEST, field, "'" + format.getValue() + "' is not a valid "
                    + format.getTargetType().getSimpleName());
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String type = mismatch.getTargetType() == null ? "value" : mismatch.getTargetType().getSimpleName();
            return problem(HttpStatus.BAD_REQUEST, field, "wrong type: expected " + type
                    + (mismatch.getOriginalMessage().startsWith("unknown field") ? " (" + mismatch.getOriginalMessage() + ")" : ""));
        }
        return problem(HttpStatus.BAD_REQUEST, field, "malformed JSON: " + json.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? null : path;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
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

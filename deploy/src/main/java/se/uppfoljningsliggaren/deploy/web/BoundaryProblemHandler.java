package se.uppfoljningsliggaren.deploy.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import se.uppfoljningsliggaren.kernel.value.InputPolicy;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The last word on every error of the API, for both halves of the ledger: Spring MVC's own (405, 406, 415, missing
 * or mistyped parameters), unreadable bodies, input refused by {@link InputPolicy}, and anything unexpected. Every
 * answer is application/problem+json with the field and the reason; none carries a stack trace, class name or SQL.
 * The write side's rule breaches and conflicts are answered before this by its own handler.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BoundaryProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(BoundaryProblemHandler.class);

    @ExceptionHandler(InputPolicy.InvalidInputException.class)
    ResponseEntity<Object> refused(InputPolicy.InvalidInputException e) {
        return respond(Problems.problem(HttpStatus.BAD_REQUEST, e.field(), e.getMessage()), new HttpHeaders());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e) {
        return respond(Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
                "the API takes application/json, not multipart"), new HttpHeaders());
    }

    /** A failure no rule foresaw: the client gets a reference to quote, the log gets the cause. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        Throwable cause = unwrapped(e);
        if (cause instanceof InputPolicy.InvalidInputException refusal) {
            return refused(refusal);
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error, reference {}", reference, e);
        return respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, null,
                "the ledger could not answer this request; nothing was stored (reference " + reference + ")"),
                new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        return respond(unreadable(e), headers);
    }

    /** Spring's words for an unknown path are about static resources, which this API serves none of. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(@NonNull NoResourceFoundException e,
                                                                    @NonNull HttpHeaders headers,
                                                                    @NonNull HttpStatusCode status,
                                                                    @NonNull WebRequest request) {
        return respond(Problems.problem(HttpStatus.NOT_FOUND, null, "no endpoint answers " + e.getHttpMethod() + " /"
                + e.getResourcePath() + " (the API is documented at /swagger-ui.html)"), headers);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception e, Object body,
                                                             @NonNull HttpHeaders headers,
                                                             @NonNull HttpStatusCode status,
                                                             @NonNull WebRequest request) {
        if (rootCause(e) instanceof InputPolicy.InvalidInputException refusal) {
            String field = fieldOf(e) != null ? fieldOf(e) : refusal.field();
            return respond(Problems.problem(status, field, field + " " + refusal.problem()), headers);
        }
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : e instanceof ErrorResponse response ? response.getBody()
                : ProblemDetail.forStatusAndDetail(status, HttpStatus.valueOf(status.value()).getReasonPhrase());
        return respond(Problems.completed(problem, fieldOf(e)), headers);
    }

    private static String fieldOf(Exception e) {
        if (e instanceof MissingServletRequestParameterException missing) {
            return missing.getParameterName();
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return mismatch.getName();
        }
        if (e instanceof MissingRequestHeaderException header) {
            return header.getHeaderName();
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return "Content-Type";
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return "Accept";
        }
        if (e instanceof HttpRequestMethodNotSupportedException) {
            return "method";
        }
        return null;
    }

    /** A body that cannot be read: which field, and why, in the client's terms. */
    private static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (!(cause instanceof JsonProcessingException json)) {
            return Problems.problem(HttpStatus.BAD_REQUEST, "body", "the request body is missing or not JSON");
        }
        String field = cause instanceof JsonMappingException mapping ? path(mapping) : null;
        Throwable rule = rootCause(cause);
        if (rule instanceof InputPolicy.InvalidInputException refusal) {
            return Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, within(field, refusal.field()),
                    refusal.getMessage());
        }
        if (rule instanceof IllegalArgumentException) {
            return Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, field, rule.getMessage());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Problems.problem(HttpStatus.BAD_REQUEST, field, "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (cause instanceof InvalidFormatException format) {
            return Problems.problem(HttpStatus.BAD_REQUEST, field != null ? field : "body", "'" + format.getValue()
                    + "' is not " + expected(format.getTargetType()));
        }
        if (cause instanceof MismatchedInputException && json.getOriginalMessage().startsWith("Trailing token")) {
            return Problems.problem(HttpStatus.BAD_REQUEST, "body", "content after the end of the JSON document");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String original = mismatch.getOriginalMessage();
            return Problems.problem(HttpStatus.BAD_REQUEST, field != null ? field : "body", "wrong type: expected "
                    + expected(mismatch.getTargetType()) + (original.startsWith("unknown field") ? " (" + original
                    + ")" : ""));
        }
        return Problems.problem(HttpStatus.BAD_REQUEST, field != null ? field : "body", "malformed JSON: "
                + inClientTerms(json.getOriginalMessage()));
    }

    /** What a value of the type is in JSON, in the client's terms, never the name of a Java type. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another JSON type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date written yyyy-mm-dd";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an instant written as ISO-8601, e.g. 2025-11-25T10:00:00Z";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a JSON string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a JSON number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    /**
     * Jackson's words on malformed JSON, less what only its programmers understand: the Java types and features it
     * names (`…`, Feature '…'), how to enable them, and its source location.
     */
    private static String inClientTerms(String message) {
        return message.replaceAll("\\s*\\(not recognized as one since Feature '[^']*' not enabled for parser\\)", "")
                .replaceAll(":?\\s*enable `[^`]*` to allow", "")
                .replaceAll("`[^`]*`", "the value")
                .replaceAll("\\s*\\(?(start marker )?at \\[Source.*", "")
                .strip();
    }

    /**
     * The full path of a refused field: Jackson's path names the value being read, and a value read by hand inside
     * it (a period within a value for a period) names its own part.
     */
    private static String within(String path, String field) {
        if (path == null || field == null) {
            return path != null ? path : field;
        }
        return path.equals(field) || path.endsWith("." + field) ? path : path + "." + field;
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

    private static Throwable unwrapped(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current.getClass().getName().startsWith("org.axonframework.")) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(headers);
        answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, answer, problem.getStatus());
    }
}

package se.uppfoljningsliggaren.deploy.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's own errors (a path it will not decode, a header it will not read, an error outside Spring MVC)
 * answer problem+json like everything else, never an HTML page or a stack trace.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String reason = switch (status) {
            case BAD_REQUEST -> "the request could not be read: its path, headers or encoding are not valid HTTP";
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "this method is not allowed here";
            case PAYLOAD_TOO_LARGE -> "the request is too large";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "the request's headers are too large";
            default -> status.is5xxServerError() ? "the ledger could not answer this request" : status.getReasonPhrase();
        };
        ProblemDetail problem = Problems.problem(status, null, reason);
        return BoundaryProblemHandler.respond(problem, new org.springframework.http.HttpHeaders());
    }
}

package se.uppfoljningsliggaren.deploy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import java.io.IOException;

/** How every error of the API reads: application/problem+json with the field (where there is one) and the reason. */
public final class Problems {

    /** As Spring MVC writes a problem: its extra properties (field, reason) at the top level. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private Problems() {
    }

    static ProblemDetail problem(HttpStatusCode status, String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
        return completed(problem, field);
    }

    /** Adds the ledger's two properties to a problem Spring made: the field, and the reason (its detail). */
    static ProblemDetail completed(ProblemDetail problem, String field) {
        if (problem.getDetail() == null) {
            problem.setDetail(problem.getTitle());
        }
        if (field != null && (problem.getProperties() == null || !problem.getProperties().containsKey("field"))) {
            problem.setProperty("field", field);
        }
        problem.setProperty("reason", problem.getDetail());
        return problem;
    }

    /** For the layers below Spring MVC (filters, the container's own errors), which write the response themselves. */
    public static void write(HttpServletResponse response, HttpStatusCode status, String field, String reason,
                      String instance) throws IOException {
        ProblemDetail problem = problem(status, field, reason);
        if (instance != null) {
            problem.setInstance(java.net.URI.create(instance.replaceAll("[^\\x21-\\x7E]", "_")));
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}

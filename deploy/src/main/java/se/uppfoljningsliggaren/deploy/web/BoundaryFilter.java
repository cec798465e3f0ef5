package se.uppfoljningsliggaren.deploy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Set;

/**
 * The first thing every request meets, before any servlet: only the methods the API uses (TRACE and the like are
 * refused here, since the servlet would answer them with an empty body), and header values free of control
 * characters. Everything it refuses is problem+json, and nothing reaches the ledger.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BoundaryFilter extends OncePerRequestFilter {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, PUT, OPTIONS");
            Problems.write(response, HttpStatus.METHOD_NOT_ALLOWED, "method",
                    request.getMethod() + " is not a method of this API", request.getRequestURI());
            return;
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
                    Problems.write(response, HttpStatus.BAD_REQUEST, name,
                            "a header value must not hold control characters", request.getRequestURI());
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}

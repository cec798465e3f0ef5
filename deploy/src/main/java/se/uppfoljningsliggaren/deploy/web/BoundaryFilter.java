package se.uppfoljningsliggaren.deploy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;

/**
 * The first thing every request meets, before any servlet: only the methods the API uses (TRACE and the like are
 * refused here, since the servlet would answer them with an empty body), header values free of control
 * characters, a query string strictly UTF-8 and free of them too, and a JSON body that is strictly UTF-8 and at most {@link StrictJsonConfiguration#MAX_DOCUMENT_BYTES}
 * (Jackson decodes an over-long sequence such as C0 AF as "/", which would let a character past every check written
 * for it). Everything it refuses is problem+json, and nothing reaches the ledger.
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
        String query = request.getQueryString();
        String refusedQuery = query == null ? null : refusedQuery(query);
        if (refusedQuery != null) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "query", refusedQuery, request.getRequestURI());
            return;
        }
        if (!isJson(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes((int) StrictJsonConfiguration.MAX_DOCUMENT_BYTES + 1);
        } catch (IOException slowOrBroken) {
            // a body announced and not sent: the request waits no longer than the connection timeout
            Problems.write(response, HttpStatus.REQUEST_TIMEOUT, "body", "the request body did not arrive in time",
                    request.getRequestURI());
            return;
        }
        if (body.length > StrictJsonConfiguration.MAX_DOCUMENT_BYTES) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "body", "a request body is at most 1 MiB",
                    request.getRequestURI());
            return;
        }
        String invalid = invalidUtf8(body);
        if (invalid != null) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "body", invalid, request.getRequestURI());
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("application/json") || type.matches("application/[^;]*\\+json.*");
    }

    /**
     * Why the query string, its escapes decoded, is not strictly UTF-8 free of control characters, or null: the
     * servlet would put U+FFFD in place of a byte it cannot decode, and a control character in a name is refused
     * only when the name is read, deep inside whatever reads it.
     */
    private static String refusedQuery(String query) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                int high = i + 2 < query.length() ? Character.digit(query.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(query.charAt(i + 2), 16);
                if (low < 0) {
                    return "holds a % that does not begin an escape of two hex digits";
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        String invalid = invalidUtf8(bytes.toByteArray());
        if (invalid != null) {
            return invalid.replace("at byte", "at decoded byte");
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8).chars().anyMatch(Character::isISOControl)
                ? "holds a control character (in a name or a value)" : null;
    }

    /** Why the bytes are not UTF-8 (Java's decoder refuses over-long forms, surrogates and beyond U+10FFFF), or null. */
    private static String invalidUtf8(byte[] body) {
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return null;
        } catch (CharacterCodingException e) {
            // the decoder stops at the start of the sequence it refuses
            return "is not valid UTF-8: an invalid or over-long byte sequence at byte " + bytes.position();
        }
    }

    /** The request with its body already read (and checked), for the layers after this one to read again. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}

package se.uppfoljningsliggaren.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.command.access.WritePolicy;
import se.uppfoljningsliggaren.command.source.SourceDocumentLookup;
import se.uppfoljningsliggaren.kernel.value.InputPolicy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Sends a command, once the write policy allows it, with who/why metadata and makes the write retry-safe: with an Idempotency-Key the key is recorded
 * in the same transaction as the events, so a retry gets the first answer and appends nothing. A concurrent retry
 * waits on the key's row until the first attempt commits or rolls back.
 */
@Component
public class CommandDispatcher {

    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    private final CommandGateway commandGateway;
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final WritePolicy writePolicy;
    private final SourceDocumentLookup sources;

    CommandDispatcher(CommandGateway commandGateway, JdbcTemplate jdbc, ObjectMapper objectMapper,
                      WritePolicy writePolicy, SourceDocumentLookup sources) {
        this.sources = sources;
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.writePolicy = writePolicy;
    }

    /**
     * @param request   the request as received (for the idempotency fingerprint)
     * @param command   the command to send
     * @param toResult  turns the handler's answer into the result
     * @param location  where the written resource can be read, or null
     */
    @Transactional
    public ResponseEntity<Object> dispatch(WriteContext context, String route, Object request, Object command,
                                           Function<Object, WriteResult> toResult, String location) {
        WritePolicy.Grant grant = writePolicy.authorize(context.caller(), command);
        if (context.source() != null && !sources.registered(context.source().document())) {
            throw new InputPolicy.InvalidInputException(WriteContext.SOURCE_HEADER, "names the document "
                    + context.source().document() + ", which is not a registered source document (POST /api/sources)");
        }
        String fingerprint = fingerprint(route, request);
        if (context.idempotencyKey() != null) {
            int inserted = jdbc.update("""
                    INSERT INTO idempotency_record (principal, idempotency_key, request_hash) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING""", context.principal(), context.idempotencyKey(), fingerprint);
            if (inserted == 0) {
                return replay(context, fingerprint);
            }
        }
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(context.metadata(grant));
        Object answer = commandGateway.sendAndWait(message);
        WriteResult result = toResult.apply(answer).at(storePosition(message));
        HttpStatus status = location == null ? HttpStatus.OK : HttpStatus.CREATED;
        if (context.idempotencyKey() != null) {
            jdbc.update("UPDATE idempotency_record SET response_status = ?, response_body = ? "
                            + "WHERE principal = ? AND idempotency_key = ?", status.value(), json(result),
                    context.principal(), context.idempotencyKey());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).eTag(String.valueOf(result.version()));
        if (location != null) {
            response.location(URI.create(location));
        }
        return response.body(result);
    }

    /**
     * A write to an existing aggregate: the command is built with the version the caller saw (If-Match, or null),
     * and the answer names the item written and the aggregate's version after it.
     *
     * @param location where the written item can be read, or null (then 200, not 201)
     */
    @Transactional
    public ResponseEntity<Object> change(HttpServletRequest http, String route, Object request, String itemId,
                                         String location, Function<Long, Object> command) {
        WriteContext context = WriteContext.of(http);
        return dispatch(context, route, request, command.apply(context.expectedVersion()),
                answer -> new WriteResult(itemId, ((Number) answer).longValue()), location);
    }

    /**
     * The position of the aggregate's last event, read in the write's own transaction (so it is this write's event,
     * not a later one's).
     */
    private Long storePosition(CommandMessage<?> message) {
        String aggregateId = TARGETS.resolveTarget(message).getIdentifier();
        return jdbc.query("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number DESC LIMIT 1", (rs, i) -> rs.getLong(1), aggregateId)
                .stream().findFirst().orElse(null);
    }

    private ResponseEntity<Object> replay(WriteContext context, String fingerprint) {
        List<ResponseEntity<Object>> stored = jdbc.query("""
                        SELECT request_hash, response_status, response_body FROM idempotency_record
                        WHERE principal = ? AND idempotency_key = ?""",
                (rs, i) -> {
                    if (!rs.getString("request_hash").equals(fingerprint)) {
                        throw CommandRejectedException.conflict(WriteContext.IDEMPOTENCY_HEADER,
                                "this Idempotency-Key was used for a different request");
                    }
                    return ResponseEntity.status(rs.getInt("response_status"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("Idempotent-Replayed", "true")
                            .body((Object) rs.getString("response_body"));
                }, context.principal(), context.idempotencyKey());
        return stored.get(0);
    }

    private String fingerprint(String route, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(route.getBytes(StandardCharsets.UTF_8));
            digest.update(objectMapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import se.uppfoljningsliggaren.kernel.LedgerMetadata;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon on PostgreSQL without Axon Server: the JDBC storage engine on Flyway-owned snake_case tables, Jackson on a
 * mapper of its own, and PostgreSQL's error codes understood. See shared/AXON-NOTES.md for why each piece is here.
 */
@Configuration(proxyBeanMethods = false)
class AxonStorageConfiguration {

    /**
     * The stored JSON must not change when someone tunes spring.jackson.*, so events get their own mapper. Exact
     * decimals and ISO dates survive upcasting through JsonNode; unknown properties are tolerated so an older
     * reader can read a newer event. Blackbird reads and writes the records through generated accessors instead of
     * reflection, the same JSON: a rebuild decodes every stored event.
     */
    static ObjectMapper storageMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new BlackbirdModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return new ClassCachingJacksonSerializer(JacksonSerializer.builder().objectMapper(storageMapper()));
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return new ClassCachingJacksonSerializer(JacksonSerializer.builder().objectMapper(storageMapper()));
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return new ClassCachingJacksonSerializer(JacksonSerializer.builder().objectMapper(storageMapper()));
    }

    /**
     * Axon's Jackson serializer, remembering the class of each stored type once found: it looked the class up by
     * name for every payload and every metadata it read, a sixth of a replay's reader (a type no class answers is
     * left to Axon, which answers it as unknown).
     */
    static final class ClassCachingJacksonSerializer extends JacksonSerializer {

        private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

        ClassCachingJacksonSerializer(JacksonSerializer.Builder builder) {
            super(builder);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class classForType(SerializedType type) {
            Class<?> known = classes.get(type.getName());
            if (known != null) {
                return known;
            }
            Class<?> found = super.classForType(type);
            if (!UnknownSerializedType.class.equals(found)) {
                classes.put(type.getName(), found);
            }
            return found;
        }
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * Axon's default resolver never matches pgjdbc's errors, so a duplicate plan or a concurrent append would be an
     * opaque EventStoreException. SQLSTATE 23505 (unique violation) is what both are on PostgreSQL.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * Built here rather than auto-configured so the gap handling is explicit: appends are short single
     * transactions, and a gap is given ten minutes before it is taken for a rolled-back insert, far beyond any
     * transaction of this service, so a slow commit is never skipped.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          @Value("${ledger.event-store.gap-timeout-ms:600000}") int gapTimeout) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .gapTimeout(gapTimeout)
                // events read per query by each processor (Axon's default 100): a replay reads the whole store
                .batchSize(1000)
                .build();
    }

    /** Who, why, from which source and which request travel from each command into every event it causes. */
    @Bean
    CorrelationDataProvider ledgerMetadataProvider() {
        return new SimpleCorrelationDataProvider(LedgerMetadata.PRINCIPAL, LedgerMetadata.PRINCIPAL_NAME,
                LedgerMetadata.ROLE, LedgerMetadata.NAMND_SCOPE, LedgerMetadata.CLIENT, LedgerMetadata.RECORDED_AT,
                LedgerMetadata.REQUEST_ID, LedgerMetadata.REASON, LedgerMetadata.IDEMPOTENCY_KEY,
                LedgerMetadata.SOURCE_DOCUMENT, LedgerMetadata.SOURCE_SECTION, LedgerMetadata.SOURCE_PAGE,
                LedgerMetadata.SOURCE_BASIS, LedgerMetadata.SOURCE_RULE, LedgerMetadata.SOURCE_WORDS);
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}

package io.earshot.reply.support;

import io.earshot.reply.messaging.Topics;
import io.earshot.testsupport.KafkaBrokerResource;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes comments.triaged records to the real test broker. */
public final class Triaged implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public Triaged() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    /** A comments.triaged record of one comment version. */
    public static String record(String commentId, int version, String action, String platform, String externalId,
                                String text, String lang, String label, String flags) {
        return """
                {"eventId":"t-%s-%d","comment":{"eventId":"i-%s-%d","commentId":"%s","version":%d,"action":"%s",
                 "platform":"%s","account":null,"externalId":"%s","threadId":"post-%s","parentId":null,
                 "author":{"id":"u-%s","handle":"lucia","displayName":"Lucía","followers":null},"text":"%s","lang":null,
                 "createdAt":"2026-11-01T10:00:00Z","receivedAt":"2026-11-01T10:00:01Z","permalink":null},
                 "triage":{"lang":"%s","label":"%s","confidence":0.8,"scores":{"praise":0.1,"complaint":0.8,"neutral":0.1},
                 "flags":[%s],"pii":[],"priority":50,"reasons":[],"explanation":[],
                 "model":"test","triagedAt":"2026-11-01T10:00:02Z"}}"""
                .formatted(commentId, version, commentId, version, commentId, version, action, platform, externalId,
                        commentId, commentId, text, lang, label, flags);
    }

    public void send(String platform, String commentId, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.COMMENTS_TRIAGED, platform + ":post-" + commentId, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a record stamped with {@code timestamp} (epoch millis), e.g. one written long before today. */
    public void send(String platform, String commentId, String value, long timestamp) {
        try {
            producer.send(new ProducerRecord<>(Topics.COMMENTS_TRIAGED, null, timestamp, platform + ":post-" + commentId,
                    value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

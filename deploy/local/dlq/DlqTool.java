import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Inspects and replays Earshot's dead-letter topics ({@code <topic>.dlq.<service>}) on any Kafka broker, so that an
 * operator can see why records were rejected and send them back once the cause is fixed (docs/operations.md).
 *
 * <p>Replay is at-least-once and incremental: it republishes each dead letter to the topic it came from (the
 * {@code dead-letter-topic} header SmallRye sets, else the name before {@code .dlq.}), waits for every send to be
 * acknowledged, then commits its position in the consumer group {@code earshot-dlq-replay}. A second replay sends
 * only what arrived since; a crash between send and commit resends, which Earshot's idempotent consumers absorb.
 *
 * <p>Run by {@code ./suite dlq} (deploy/local/cmd/dlq) as a single-file Java program on a kafka-clients classpath.
 */
public class DlqTool {

    static final String REPLAY_GROUP = "earshot-dlq-replay";
    static final String DLQ_MARKER = ".dlq.";
    static final String DLQ_SUFFIX = ".dlq";
    static final Duration POLL = Duration.ofMillis(500);
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("dlq: " + root.getClass().getSimpleName() + ": " + root.getMessage());
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--dry-run") || a.equals("--full") || a.equals("-h") || a.equals("--help")) {
                opts.put(a, "true");
            } else if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    usage("missing value for " + a);
                }
                opts.put(a, args[++i]);
            } else {
                positional.add(a);
            }
        }
        if (positional.isEmpty() || opts.containsKey("-h") || opts.containsKey("--help")) {
            usage(null);
        }
        if (opts.containsKey("--command-config")) {
            try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(opts.get("--command-config")))) {
                CLIENT.load(in);
            }
        }
        String bootstrap = opts.getOrDefault("--bootstrap",
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        String command = positional.get(0);
        String topic = positional.size() > 1 ? positional.get(1) : null;
        int max = Integer.parseInt(opts.getOrDefault("--max", "100"));
        switch (command) {
            case "list" -> {
                if (topic == null) {
                    listTopics(bootstrap);
                } else {
                    requireDlq(topic);
                    listRecords(bootstrap, topic, max, opts.containsKey("--full"));
                }
            }
            case "replay" -> {
                if (topic == null) {
                    usage("replay needs a TOPIC");
                }
                requireDlq(topic);
                replay(bootstrap, topic, opts.get("--to"), opts.containsKey("--dry-run"));
            }
            default -> usage("unknown command " + command);
        }
    }

    static void usage(String error) {
        if (error != null) {
            System.err.println("dlq: " + error);
        }
        System.err.println("""
                usage: ./suite dlq list [--bootstrap HOST:PORT]
                           every dead-letter topic (<topic>.dlq.<service>, <name>.dlq) with its record count and what is left to replay
                       ./suite dlq list TOPIC [--bootstrap HOST:PORT] [--max N] [--full]
                           the records of one dead-letter topic: offset, time, key, reason, value (first 200 chars
                           unless --full; at most N records, default 100)
                       ./suite dlq replay TOPIC [--bootstrap HOST:PORT] [--to TARGET] [--dry-run]
                           republish the records not replayed yet to the topic they came from (or TARGET)
                The broker defaults to $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092. --command-config FILE adds Kafka
                client properties (security.protocol, sasl.mechanism, sasl.jaas.config, ssl.truststore.*).""");
        System.exit(error == null ? 0 : 2);
    }

    /** {@code <topic>.dlq.<service>} (a service's channel), or {@code <name>.dlq} (a dead-letter topic of its own). */
    static boolean isDlq(String topic) {
        return topic.contains(DLQ_MARKER) || topic.endsWith(DLQ_SUFFIX);
    }

    static void requireDlq(String topic) {
        if (!isDlq(topic)) {
            System.err.println("dlq: " + topic + " is not a dead-letter topic (<topic>.dlq.<service> or <name>.dlq)");
            System.exit(2);
        }
    }

    /** Client settings from --command-config (security.protocol, sasl.*, ssl.*: an authenticated cluster). */
    static final Properties CLIENT = new Properties();

    static Properties common(String bootstrap) {
        Properties p = new Properties();
        p.putAll(CLIENT);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "earshot-dlq-tool");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return p;
    }

    static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String group) {
        Properties p = common(bootstrap);
        if (group != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
    }

    static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> parts, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> req = parts.stream().collect(Collectors.toMap(tp -> tp, tp -> spec));
        Map<TopicPartition, ListOffsetsResultInfo> res = admin.listOffsets(req).all().get();
        Map<TopicPartition, Long> out = new HashMap<>();
        res.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    static void listTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(common(bootstrap))) {
            Set<String> dlqs = admin.listTopics().names().get().stream().filter(DlqTool::isDlq)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (dlqs.isEmpty()) {
                System.out.println("no dead-letter topics on " + bootstrap);
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(REPLAY_GROUP)
                    .partitionsToOffsetAndMetadata().get();
            System.out.printf("%-45s %10s %12s%n", "TOPIC", "RECORDS", "NOT_REPLAYED");
            for (String t : dlqs) {
                List<TopicPartition> parts = partitions(admin, t);
                Map<TopicPartition, Long> begin = offsets(admin, parts, OffsetSpec.earliest());
                Map<TopicPartition, Long> end = offsets(admin, parts, OffsetSpec.latest());
                long records = 0;
                long pending = 0;
                for (TopicPartition tp : parts) {
                    records += end.get(tp) - begin.get(tp);
                    OffsetAndMetadata c = committed.get(tp);
                    long from = c == null ? begin.get(tp) : Math.max(c.offset(), begin.get(tp));
                    pending += Math.max(0, end.get(tp) - from);
                }
                System.out.printf("%-45s %10d %12d%n", t, records, pending);
            }
        }
    }

    /** Reads every record below the end offsets taken at the start, then stops: the tool never waits for more. */
    static List<ConsumerRecord<byte[], byte[]>> readToEnd(KafkaConsumer<byte[], byte[]> consumer,
            Map<TopicPartition, Long> end, int max) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!reached(consumer, end) && out.size() < max) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out reading " + end.keySet());
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (r.offset() < end.get(tp) && out.size() < max) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    static void listRecords(String bootstrap, String topic, int max, boolean full) throws Exception {
        try (Admin admin = Admin.create(common(bootstrap));
                KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, null)) {
            List<TopicPartition> parts = partitions(admin, topic);
            Map<TopicPartition, Long> end = offsets(admin, parts, OffsetSpec.latest());
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            List<ConsumerRecord<byte[], byte[]>> records = readToEnd(consumer, end, max);
            for (ConsumerRecord<byte[], byte[]> r : records) {
                String value = text(r.value());
                if (!full && value.length() > 200) {
                    value = value.substring(0, 200) + "...";
                }
                System.out.printf("%s-%d@%d %s key=%s%n", r.topic(), r.partition(), r.offset(),
                        Instant.ofEpochMilli(r.timestamp()), text(r.key()));
                for (Header h : r.headers()) {
                    if (h.key().startsWith("dead-letter-")) {
                        System.out.printf("  %s: %s%n", h.key(), text(h.value()));
                    }
                }
                System.out.printf("  value: %s%n", value);
            }
            System.out.printf("%d record(s) in %s%s%n", records.size(), topic,
                    records.size() >= max ? " (stopped at --max " + max + ")" : "");
        }
    }

    static String originOf(ConsumerRecord<byte[], byte[]> r, String override) {
        if (override != null) {
            return override;
        }
        Header h = r.headers().lastHeader("dead-letter-topic");
        if (h != null && h.value() != null && h.value().length > 0) {
            return text(h.value());
        }
        int marker = r.topic().indexOf(DLQ_MARKER);
        return r.topic().substring(0, marker >= 0 ? marker : r.topic().length() - DLQ_SUFFIX.length());
    }

    static void replay(String bootstrap, String topic, String to, boolean dryRun) throws Exception {
        Properties pp = common(bootstrap);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (Admin admin = Admin.create(common(bootstrap));
                KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, REPLAY_GROUP);
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp)) {
            List<TopicPartition> parts = partitions(admin, topic);
            Map<TopicPartition, Long> begin = offsets(admin, parts, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = offsets(admin, parts, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(parts));
            consumer.assign(parts);
            for (TopicPartition tp : parts) {
                OffsetAndMetadata c = committed.get(tp);
                consumer.seek(tp, c == null ? begin.get(tp) : Math.max(c.offset(), begin.get(tp)));
            }
            List<ConsumerRecord<byte[], byte[]>> records = readToEnd(consumer, end, Integer.MAX_VALUE);
            Map<String, Integer> perTarget = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r : records) {
                String target = originOf(r, to);
                if (isDlq(target)) {
                    throw new IllegalStateException("refusing to replay " + r.topic() + " into dead-letter topic "
                            + target);
                }
                perTarget.merge(target, 1, Integer::sum);
            }
            // A record whose origin is no topic (a webhook kept whole, say) cannot be replayed by republishing it:
            // refuse rather than let the broker auto-create a topic nothing reads.
            Set<String> existing = admin.listTopics().names().get();
            for (String target : perTarget.keySet()) {
                if (!existing.contains(target)) {
                    System.err.printf("dlq: cannot replay %s: its records came from %s, which is not a topic on %s "
                            + "(records kept whole, such as webhook deliveries, are re-sent by their sender, not "
                            + "replayed); --to TOPIC names another target%n", topic, target, bootstrap);
                    System.exit(1);
                }
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : records) {
                if (dryRun) {
                    continue;
                }
                String target = originOf(r, to);
                RecordHeaders headers = new RecordHeaders();
                for (Header h : r.headers()) {
                    if (!h.key().startsWith("dead-letter-")) {
                        headers.add(h);
                    }
                }
                headers.add("earshot-replayed-from",
                        (r.topic() + "-" + r.partition() + "@" + r.offset()).getBytes(StandardCharsets.UTF_8));
                sends.add(producer.send(new ProducerRecord<>(target, null, r.key(), r.value(), headers)));
            }
            for (Future<RecordMetadata> f : sends) {
                f.get();
            }
            if (!dryRun) {
                Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
                for (TopicPartition tp : parts) {
                    commit.put(tp, new OffsetAndMetadata(end.get(tp)));
                }
                consumer.commitSync(commit);
            }
            if (records.isEmpty()) {
                System.out.println("nothing to replay in " + topic);
            }
            perTarget.forEach((t, n) -> System.out.printf("%s %d record(s) from %s to %s%n",
                    dryRun ? "would replay" : "replayed", n, topic, t));
        }
    }

    static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }
}

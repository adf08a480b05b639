package io.earshot.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker inside the test JVM, shared by every test class of a module.
 *
 * <p>There is no Docker engine on the build machines, so Dev Services cannot start a broker; Kafka's own test kit
 * can. It is Kafka's internal API, so it is used here and nowhere else. The broker starts once per JVM (about 3 s)
 * and stops when the JVM exits, so Quarkus restarts between test classes do not pay for it again.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    /** The bootstrap address of the shared broker, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = startCluster();
        }
        return cluster.bootstrapServers();
    }

    private static KafkaClusterTestKit startCluster() {
        // The broker shares the test JVM, and Kafka answers a fatal error with Exit.halt(1). Surefire twice reported
        // a failed fork after every test of a module had passed (under load, no dump): a halt while the JVM shuts
        // down is one way to get there. Here such a request is written to stderr instead, as Kafka's own test
        // harness does, so that it shows and cannot end the JVM with a status of its own.
        Exit.setExitProcedure((status, message) -> System.err.printf("in-JVM Kafka broker asked to exit(%d): %s%n", status, message));
        Exit.setHaltProcedure((status, message) -> System.err.printf("in-JVM Kafka broker asked to halt(%d): %s%n", status, message));
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "4")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    kit.close();
                } catch (Exception ignored) {
                    // the JVM is exiting; the broker's folders are temporary
                }
            }, "kafka-test-broker-stop"));
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-JVM Kafka broker", e);
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // shared across test classes; stopped by the shutdown hook
    }
}

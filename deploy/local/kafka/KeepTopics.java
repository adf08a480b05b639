import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes the local broker keep the topics the reply queue is rebuilt from as deploy/k8s does: creates each topic if
 * it is missing (the broker's default partitions) and sets the given configs on it, also when an earlier start had
 * auto-created it with the broker's 7 days. One JVM for every topic (run by deploy/local/lib/runtime.sh).
 *
 * <p>Usage: {@code java -cp <kafka classpath> KeepTopics.java <bootstrap> <key=value,...> <topic>...}
 */
public class KeepTopics {

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        List<AlterConfigOp> ops = new ArrayList<>();
        for (String pair : args[1].split(",")) {
            String[] kv = pair.split("=", 2);
            ops.add(new AlterConfigOp(new ConfigEntry(kv[0], kv[1]), AlterConfigOp.OpType.SET));
        }
        try (Admin admin = Admin.create(props)) {
            for (int i = 2; i < args.length; i++) {
                String topic = args[i];
                try {
                    admin.createTopics(List.of(new NewTopic(topic, java.util.Optional.empty(), java.util.Optional.empty())))
                            .all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops)).all().get();
                System.out.println(topic + ": " + args[1]);
            }
        }
    }
}

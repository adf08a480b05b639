package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/**
 * The keys that sign approvals. Kafka and Redis are not trusted to say what a human approved: every {@code approved}
 * event carries an HMAC made with one of these keys, and the view, the rebuild and the publisher accept an approval
 * only when it verifies. There is no default outside the dev and test profiles, so a production pod without the
 * Secret does not start.
 */
@ConfigMapping(prefix = "earshot.reply.approval")
public interface ApprovalConfig {

    /** The id of the key new approvals are signed with; one of {@link #keys()}. */
    String keyId();

    /**
     * Every key an approval may verify with, as {@code id:secret} entries (a secret of at least 32 characters):
     * the current one and, during a rotation, the previous one (docs/operations.md, "Rotate").
     */
    List<String> keys();
}

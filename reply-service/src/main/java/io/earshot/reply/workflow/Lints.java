package io.earshot.reply.workflow;

import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.ReplyLint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;

/** The reply lint with this installation's limits and the business's own domains, accounts and phone numbers. */
@ApplicationScoped
public class Lints {

    private final ReplyLint lint;

    @Inject
    public Lints(WorkflowConfig config) {
        this.lint = new ReplyLint(new ReplyLint.Rules(config.lengthLimitByPlatform(), config.defaultLengthLimit(),
                new HashSet<>(config.allowedLinkHosts().orElse(List.of())),
                new HashSet<>(config.ownHandles().orElse(List.of())), new HashSet<>(config.ownPhones().orElse(List.of()))));
    }

    public int limit(String platform) {
        return lint.limit(platform);
    }

    public ReplyLint.Result lint(QueueItem item, String text) {
        return lint.lint(item, text);
    }
}

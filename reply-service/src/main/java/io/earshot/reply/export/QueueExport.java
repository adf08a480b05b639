package io.earshot.reply.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.domain.AuditEntry;
import io.earshot.reply.domain.PersonalData;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueFilter;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.workflow.QueueService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A filtered queue, or the audit trails of its items, written out as rows a page at a time: the same filter as
 * {@code GET /api/queue}, the comment text with its personal data masked as the dashboard masks it (a revealed
 * value is an audited act, an export is not one), and no triage internals beyond what staff see.
 */
@ApplicationScoped
public class QueueExport {

    public static final List<String> ITEM_COLUMNS = List.of("id", "platform", "account", "state", "label", "topic", "lang",
            "priority", "flags", "author_handle", "text", "draft", "assignee", "team", "comment_created_at",
            "sla_deadline", "approved_by", "published_at", "platform_reply_id", "permalink");
    public static final List<String> AUDIT_COLUMNS = List.of("item_id", "at", "actor", "action", "from_state", "to_state",
            "version", "reason");
    private static final int PAGE = 500;

    private final QueueStore store;
    private final QueueService service;
    private final ObjectMapper mapper;

    public QueueExport(QueueStore store, QueueService service, ObjectMapper mapper) {
        this.store = store;
        this.service = service;
        this.mapper = mapper;
    }

    /** Writes every item the filter selects, in queue order; returns how many. */
    public long items(QueueFilter filter, int scanBudget, ExportFormat format, OutputStream out) {
        try (ExportFormat.RowWriter rows = format.open(out, ITEM_COLUMNS, mapper)) {
            return each(filter, scanBudget, item -> rows.write(row(item)));
        }
    }

    /** Writes the audit trail of every item the filter selects, oldest entry first per item; returns how many entries. */
    public long audit(QueueFilter filter, int scanBudget, ExportFormat format, OutputStream out) {
        long[] entries = {0};
        try (ExportFormat.RowWriter rows = format.open(out, AUDIT_COLUMNS, mapper)) {
            each(filter, scanBudget, item -> {
                for (String json : store.audit(item.id())) {
                    AuditEntry e = read(json);
                    if (e == null || e.action() == null) {
                        continue; // the rebuild's placeholder entries carry nothing to export
                    }
                    rows.write(Arrays.asList(item.id(), e.at(), e.actor(), e.action(), e.fromState(), e.toState(),
                            e.version(), e.reason()));
                    entries[0]++;
                }
            });
        }
        return entries[0];
    }

    private long each(QueueFilter filter, int scanBudget, Consumer<QueueItem> action) {
        long count = 0;
        String cursor = null;
        do {
            QueueStore.Page page = store.page(filter, cursor, PAGE, scanBudget);
            for (QueueItem stored : page.items()) {
                action.accept(service.current(stored));
                count++;
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return count;
    }

    static List<Object> row(QueueItem item) {
        QueueItem.Author author = item.author();
        QueueItem.Approval approval = item.approval();
        QueueItem.Publication pub = item.publication();
        return Arrays.asList(item.id(), item.platform(), item.comment() == null ? null : item.comment().account(),
                item.state().name(), item.label(), item.topic(), item.lang(), item.priority(), item.flags(),
                author == null ? null : author.handle(), PersonalData.mask(item, item.text()),
                PersonalData.mask(item, item.draftText()), item.assignee(), item.team(), item.commentCreatedAt(),
                item.slaDeadline(), approval == null ? null : approval.by(), pub == null ? null : pub.publishedAt(),
                pub == null ? null : pub.platformReplyId(), item.comment() == null ? null : item.comment().permalink());
    }

    private AuditEntry read(String json) {
        try {
            return mapper.readValue(json, AuditEntry.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

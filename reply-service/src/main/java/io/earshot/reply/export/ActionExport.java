package io.earshot.reply.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.messaging.ActionEvent;
import io.earshot.reply.redis.ActionLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** The action log (the newest {@value ActionLog#CAPACITY} actions, newest first) written out as rows. */
@ApplicationScoped
public class ActionExport {

    public static final List<String> COLUMNS = List.of("event_id", "occurred_at", "actor", "action", "subject", "detail");
    private static final int PAGE = 500;

    private final ActionLog log;
    private final ObjectMapper mapper;

    public ActionExport(ActionLog log, ObjectMapper mapper) {
        this.log = log;
        this.mapper = mapper;
    }

    /** Writes every action kept; returns how many. */
    public long actions(ExportFormat format, OutputStream out) {
        long count = 0;
        try (ExportFormat.RowWriter rows = format.open(out, COLUMNS, mapper)) {
            for (int offset = 0; offset < ActionLog.CAPACITY; offset += PAGE) {
                List<String> page = log.page(offset, PAGE);
                for (String json : page) {
                    ActionEvent a = read(json);
                    rows.write(Arrays.asList(a.eventId(), a.occurredAt(), a.actor(), a.action(), a.subject(), a.detail()));
                    count++;
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        return count;
    }

    private ActionEvent read(String json) {
        try {
            return mapper.readValue(json, ActionEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

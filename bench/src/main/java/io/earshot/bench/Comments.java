package io.earshot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Synthetic public comments in several languages, five per thread, with ids unique to one run, and the ids Earshot
 * derives from them (ingest-service's {@code CommentIds}: a name-based UUID of platform and platform id; reply-service
 * uses the comment id as the queue item id).
 */
final class Comments {

    static final String PLATFORM = "generic";

    private static final List<String> TEXTS = List.of(
            "Is the blue one back in stock? I have been waiting for weeks and nobody answers my emails.",
            "Worst customer service ever, my order arrived broken and I want a refund now!!",
            "Love the new collection, the colours are amazing. Well done team!",
            "¿Cuándo abren la tienda nueva en Madrid? Me encantaría visitarla este fin de semana.",
            "Le produit est arrivé en retard et la boîte était abîmée, très déçu.",
            "Wann kommt das Update für die App? Seit gestern stürzt sie bei jedem Start ab.",
            "Adoro questo negozio, il personale è sempre gentilissimo. Grazie!",
            "Заказ пришёл вовремя, всё отлично, спасибо большое!",
            "O atendimento foi péssimo, ninguém responde no chat há dois dias.",
            "Check my profile for free followers and crypto giveaways!!! http://spam.example");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QUOTED = TEXTS.stream().map(Comments::quote).toList();

    private final String run;

    Comments(String run) {
        this.run = run;
    }

    String externalId(long seq) {
        return run + "-" + seq;
    }

    String commentId(long seq) {
        return commentId(PLATFORM, externalId(seq));
    }

    static String commentId(String platform, String externalId) {
        return UUID.nameUUIDFromBytes(("comment|" + platform + "|" + externalId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** One comment in the shape of {@code POST /api/comments} and the generic webhook. */
    void append(StringBuilder out, long seq) {
        out.append("{\"platform\":\"").append(PLATFORM).append("\",\"externalId\":\"").append(externalId(seq))
                .append("\",\"threadId\":\"").append(run).append("-t").append(seq / 5)
                .append("\",\"author\":{\"id\":\"u").append(seq % 997).append("\",\"displayName\":\"User ")
                .append(seq % 997).append("\"},\"text\":").append(QUOTED.get((int) (seq % QUOTED.size())))
                .append(",\"createdAt\":\"").append(Instant.now()).append("\"}");
    }

    /** {@code {"comments":[...]}} of the comments {@code from} (inclusive) to {@code to} (exclusive). */
    byte[] batch(long from, long to) {
        StringBuilder out = new StringBuilder(300 * (int) (to - from) + 20).append("{\"comments\":[");
        for (long s = from; s < to; s++) {
            if (s > from) {
                out.append(',');
            }
            append(out, s);
        }
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] single(long seq) {
        StringBuilder out = new StringBuilder(320);
        append(out, seq);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

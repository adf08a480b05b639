package io.earshot.reply.api;

import io.earshot.reply.domain.QueueItemJson;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the queue as the API answers it: the items in their flat JSON form, so the OpenAPI document describes
 * what is sent (the domain item is in parts), and the cursor of the next page (null at the end).
 */
@Schema(name = "Page")
public record ItemPage(List<QueueItemJson> items, String nextCursor) {
}

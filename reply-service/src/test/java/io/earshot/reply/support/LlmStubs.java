package io.earshot.reply.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/** The OpenAI-compatible chat-completions endpoint in {@link PlatformStubs}: answers, refusals, slow answers. */
public final class LlmStubs {

    public static final String PATH = "/llm/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LlmStubs() {
    }

    /** A call whose request body contains {@code marker}. */
    public static MappingBuilder callContaining(String marker) {
        return post(urlEqualTo(PATH)).withRequestBody(containing(marker));
    }

    public static List<LoggedRequest> calls(String marker) {
        return PlatformStubs.server().findAll(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing(marker)));
    }

    /** A completed answer with this content. */
    public static ResponseDefinitionBuilder answer(String content) {
        return completion(content, null, "stop");
    }

    /** The model's refusal (the {@code refusal} field, no content). */
    public static ResponseDefinitionBuilder refusal() {
        return completion(null, "I can't help with that.", "stop");
    }

    /** The provider's content filter stopped the answer. */
    public static ResponseDefinitionBuilder contentFiltered() {
        return completion("", null, "content_filter");
    }

    static ResponseDefinitionBuilder completion(String content, String refusal, String finish) {
        ObjectNode body = JSON.createObjectNode().put("id", "c1").put("object", "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", finish);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        message.put("content", content);
        message.put("refusal", refusal);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    /** Stubs a call that contains {@code marker}. */
    public static void stub(String marker, ResponseDefinitionBuilder response) {
        PlatformStubs.server().stubFor(callContaining(marker).willReturn(response));
    }
}

package io.earshot.reply.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Notifications on with no mail recipients and the chat webhook pointed at the shared WireMock ({@link PlatformStubs}). */
public class ChatHook implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/chat-hook";
    public static final String SECRET = "chat-hook-test-secret";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "earshot.reply.notify.enabled", "true",
                "earshot.reply.notify.dashboard-url", "https://earshot.example.test",
                "earshot.reply.notify.webhook.url", PlatformStubs.server().baseUrl() + PATH,
                "earshot.reply.notify.webhook.secret", SECRET,
                "earshot.reply.notify.webhook.backoff", "PT0.1S");
    }

    @Override
    public void stop() {
        // the WireMock server is shared
    }
}

package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.config.RedditConfig.Account;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Reddit inbox mentions: {@code GET /message/mentions} (username mentions in comments), read as every
 * {@link RedditListingPoller} reads a listing. Its cursor is {@code earshot:ingest:cursor:reddit:<account>}.
 */
@ApplicationScoped
public class RedditPoller extends RedditListingPoller {

    @Override
    Map<String, Account> accounts() {
        return config.accounts();
    }

    @Override
    String listing(Account account) {
        return "/message/mentions?limit=100&raw_json=1";
    }

    @Override
    public String name() {
        return "reddit";
    }

    @Override
    String what() {
        return "message/mentions";
    }

    @Override
    boolean wanted(Account account, JsonNode child) {
        return "t1".equals(child.path("kind").asText()) && child.path("data").path("was_comment").asBoolean(true);
    }
}

package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.config.RedditConfig.Account;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configured search of subreddits, for posts that name the business without mentioning its account:
 * {@code GET /r/{sub1+sub2}/search?q=...&restrict_sr=1&sort=new&type=link}, read as every {@link RedditListingPoller}
 * reads a listing, with its own cursor ({@code earshot:ingest:cursor:reddit:<account>:search}) and the same query
 * budget and token as the account's mentions. Posts by the account itself are skipped.
 */
@ApplicationScoped
public class RedditSearchPoller extends RedditListingPoller {

    @Override
    Map<String, Account> accounts() {
        Map<String, Account> searching = new LinkedHashMap<>();
        config.accounts().forEach((name, account) -> {
            if (account.search().query().isPresent() && account.search().subreddits().filter(s -> !s.isEmpty()).isPresent()) {
                searching.put(name, account);
            }
        });
        return searching;
    }

    @Override
    String listing(Account account) {
        String subreddits = String.join("+", account.search().subreddits().orElseThrow());
        return "/r/" + enc(subreddits).replace("%2B", "+") + "/search?q=" + enc(account.search().query().orElseThrow())
                + "&restrict_sr=1&sort=new&type=" + enc(account.search().type()) + "&limit=100&raw_json=1";
    }

    @Override
    public String name() {
        return "reddit-search";
    }

    /** Its own cursor beside the mentions' one. */
    @Override
    List<String> feeds() {
        return List.of("search");
    }

    @Override
    String what() {
        return "search";
    }

    @Override
    boolean wanted(Account account, JsonNode child) {
        String kind = child.path("kind").asText();
        String author = child.path("data").path("author").asText("");
        return ("t3".equals(kind) || "t1".equals(kind)) && !account.username().map(author::equalsIgnoreCase).orElse(false);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

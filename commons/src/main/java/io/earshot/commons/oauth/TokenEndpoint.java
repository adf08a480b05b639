package io.earshot.commons.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One call to a token endpoint, shaped as each provider documents it: the OAuth {@code refresh_token} grant as a form
 * POST (client credentials in the form or a Basic header), or Threads' {@code th_refresh_token} GET, where the token
 * being renewed travels in the query because that is the only way Meta accepts it. Nothing here logs, and the URL
 * never leaves this class.
 */
final class TokenEndpoint {

    /** The endpoint's answer: its status and JSON body (empty when it sent none or no JSON). */
    record Answer(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private TokenEndpoint() {
    }

    /**
     * Asks for a token renewed with {@code refreshToken}.
     *
     * @throws IllegalArgumentException when the configured token URL is no URL
     */
    static Answer call(OAuthClient client, String refreshToken, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request;
        if (client.provider().renewsOwnToken()) {
            String url = client.tokenUrl() + (client.tokenUrl().contains("?") ? "&" : "?")
                    + "grant_type=th_refresh_token&access_token=" + enc(refreshToken);
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json").GET();
        } else {
            StringBuilder form = new StringBuilder("grant_type=refresh_token&refresh_token=").append(enc(refreshToken));
            request = HttpRequest.newBuilder(URI.create(client.tokenUrl())).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
            if (client.provider().basicAuth()) {
                String basic = Base64.getEncoder().encodeToString(
                        (client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
                request.header("Authorization", "Basic " + basic);
            } else {
                form.append("&client_id=").append(enc(client.clientId())).append("&client_secret=").append(enc(client.clientSecret()));
            }
            request.POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        }
        if (client.userAgent() != null) {
            request.header("User-Agent", client.userAgent());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = JSON.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        } catch (IOException e) {
            body = JSON.createObjectNode();
        }
        return new Answer(response.statusCode(), body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package io.earshot.reply.web;

import io.earshot.reply.config.DashboardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens for the dashboard's session: {@code <expiry>.<nonce>.<hmac(expiry.nonce|user)>}. The token travels
 * inside the page (never in a cookie a foreign site could make the browser send), is bound to the signed-in user and
 * expires, so a page from another origin can neither read nor forge one. Stateless, so it works across instances
 * that share {@code earshot.dashboard.csrf-key}.
 */
@ApplicationScoped
public class CsrfTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final DashboardConfig config;
    Clock clock = Clock.systemUTC();

    CsrfTokens(DashboardConfig config) {
        this.config = config;
        this.key = config.csrfKey().map(k -> Base64.getDecoder().decode(k.trim())).orElseGet(() -> {
            byte[] k = new byte[32];
            RANDOM.nextBytes(k);
            return k;
        });
    }

    /** A fresh token for {@code user}. */
    public String issue(String user) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String payload = (clock.millis() / 1000 + config.csrfTokenLifetime().toSeconds()) + "." + B64.encodeToString(nonce);
        return payload + "." + sign(payload, user);
    }

    /** True when {@code token} was issued by this key for {@code user} and has not expired. */
    public boolean isValid(String token, String user) {
        if (token == null || user == null || token.length() > 200) {
            return false;
        }
        int dot = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || dot <= first) {
            return false;
        }
        String payload = token.substring(0, dot);
        long expiry;
        try {
            expiry = Long.parseLong(token.substring(0, first));
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = sign(payload, user).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) && clock.millis() / 1000 < expiry;
    }

    private String sign(String payload, String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal((payload + "|" + user).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

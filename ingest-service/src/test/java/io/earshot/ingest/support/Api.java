package io.earshot.ingest.support;

import static io.restassured.RestAssured.given;

import io.earshot.ingest.domain.Hashes;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;

/** Requests as the service's callers make them: with the API key, or signed like Meta and integrators sign. */
public final class Api {

    public static final String KEY = "test-api-key";
    public static final String META_SECRET = "test-meta-app-secret";
    public static final String GENERIC_SECRET = "test-generic-secret";

    private Api() {
    }

    public static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer " + KEY);
    }

    public static String metaSignature(byte[] body) {
        return "sha256=" + Hashes.hmacSha256Hex(META_SECRET, body);
    }

    public static RequestSpecification meta(byte[] body) {
        return given().contentType("application/json").header("X-Hub-Signature-256", metaSignature(body)).body(body);
    }

    public static RequestSpecification generic(byte[] body, long timestamp) {
        String signature = "sha256=" + Hashes.hmacSha256Hex(GENERIC_SECRET,
                (timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        return given().contentType("application/json").header("X-Earshot-Timestamp", Long.toString(timestamp))
                .header("X-Earshot-Signature", signature).body(body);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

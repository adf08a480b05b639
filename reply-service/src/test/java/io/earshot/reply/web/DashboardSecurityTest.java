package io.earshot.reply.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard's HTTP-level defences: headers, login, session cookie, CSRF, logout. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class DashboardSecurityTest {

    static String session(String user) {
        Response r = given().redirects().follow(false).formParam("j_username", user)
                .formParam("j_password", TestUsers.password(user)).post("/j_security_check");
        r.then().statusCode(302);
        return r.getCookie("quarkus-credential");
    }

    static String csrfOf(String html) {
        Matcher m = Pattern.compile("data-csrf=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "page carries a CSRF token");
        return m.group(1);
    }

    @Test
    void everyPageHasAStrictContentSecurityPolicyAndSafeHeaders() {
        given().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                        containsString("frame-ancestors 'none'"), containsString("object-src 'none'"),
                        not(containsString("unsafe-inline")), not(containsString("unsafe-eval"))))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("X-Frame-Options", "DENY");
        given().get("/assets/js/common.js").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Content-Type", containsString("javascript"));
    }

    @Test
    void pagesNeedASignedInUser() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/login"));
        given().redirects().follow(false).get("/stats").then().statusCode(303).header("Location", endsWith("/login"));
        given().redirects().follow(false).get("/item/x").then().statusCode(303).header("Location", endsWith("/login"));
        given().redirects().follow(false).get("/api/queue").then().statusCode(401);
        given().redirects().follow(false).get("/api/live").then().statusCode(401);
        given().redirects().follow(false).formParam("j_username", TestUsers.ANA).formParam("j_password", "wrong")
                .post("/j_security_check").then().statusCode(302).header("Location", containsString("/login?error"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
        Response r = given().redirects().follow(false).formParam("j_username", TestUsers.ANA)
                .formParam("j_password", TestUsers.password(TestUsers.ANA)).post("/j_security_check");
        r.then().statusCode(302).header("Location", endsWith("/"));
        String setCookie = r.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("quarkus-credential=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
        given().cookie("quarkus-credential", r.getCookie("quarkus-credential")).get("/").then().statusCode(200)
                .header("Cache-Control", "no-store").body(containsString("data-user=\"ana\""));
    }

    @Test
    void stateChangesOnTheSessionNeedThePagesCsrfToken() {
        String cookie = session(TestUsers.ANA);
        String token = csrfOf(given().cookie("quarkus-credential", cookie).get("/").asString());
        String other = csrfOf(given().cookie("quarkus-credential", session(TestUsers.BEN)).get("/").asString());

        given().cookie("quarkus-credential", cookie).contentType("application/json").body("{}")
                .post("/api/queue/any/claim").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("CSRF"));
        given().cookie("quarkus-credential", cookie).header("X-CSRF-Token", other).contentType("application/json")
                .body("{}").post("/api/queue/any/claim").then().statusCode(403);
        given().cookie("quarkus-credential", cookie).header("X-CSRF-Token", token).header("Origin", "https://evil.example")
                .contentType("application/json").body("{}").post("/api/queue/any/claim").then().statusCode(403);
        given().cookie("quarkus-credential", cookie).header("X-CSRF-Token", token).contentType("application/json")
                .body("{}").post("/api/queue/any/claim").then().statusCode(not(equalTo(403)));
    }

    @Test
    void logoutNeedsTheTokenAndEndsTheSession() {
        String cookie = session(TestUsers.ANA);
        String token = csrfOf(given().cookie("quarkus-credential", cookie).get("/").asString());
        given().redirects().follow(false).cookie("quarkus-credential", cookie).formParam("csrf", "forged")
                .post("/logout").then().statusCode(403);
        Response out = given().redirects().follow(false).cookie("quarkus-credential", cookie).formParam("csrf", token)
                .post("/logout");
        out.then().statusCode(303).header("Location", endsWith("/login?bye=1"));
        assertTrue(out.getHeaders().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("quarkus-credential=;") || c.startsWith("quarkus-credential=\"\"")
                        || c.startsWith("quarkus-credential=") && c.contains("Max-Age=0")), out.getHeaders().toString());
    }
}

package io.earshot.reply.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The accounts of {@code src/test/resources/test-users}, as REST Assured requests. */
public final class Staff {

    private Staff() {
    }

    public static RequestSpecification as(String user) {
        String password = switch (user) {
            case "admin" -> "admin-pw";
            case "supervisor" -> "super-pw";
            case "responder" -> "resp-pw";
            case "ana" -> "ana-pw";
            case "ben" -> "ben-pw";
            default -> "wrong";
        };
        return given().auth().preemptive().basic(user, password).contentType(ContentType.JSON);
    }

    public static RequestSpecification responder() {
        return as("responder");
    }

    public static RequestSpecification supervisor() {
        return as("supervisor");
    }

    public static RequestSpecification admin() {
        return as("admin");
    }
}

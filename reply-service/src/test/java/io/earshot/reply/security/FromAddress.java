package io.earshot.reply.security;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Requests that leave from a chosen loopback address (127.0.0.0/8 is all local), so a test can be several clients:
 * the service sees each as its own remote address, as it would see clients behind a trusted proxy.
 */
final class FromAddress {

    private FromAddress() {
    }

    static RequestSpecification from(String address) {
        return given().baseUri("http://127.0.0.1").redirects().follow(false)
                .config(RestAssured.config().httpClient(client(address)));
    }

    private static HttpClientConfig client(String address) {
        try {
            return HttpClientConfig.httpClientConfig().setParam("http.route.local-address", InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A form sign-in from {@code address}, with the device cookie when given. */
    static io.restassured.response.Response formLogin(String address, String user, String password, String device) {
        RequestSpecification spec = from(address).formParam("j_username", user).formParam("j_password", password);
        if (device != null) {
            spec = spec.cookie(FileIdentityProvider.DEVICE_COOKIE, device);
        }
        return spec.post("/j_security_check");
    }
}

package com.catalogimage.console.testing;

import static io.restassured.RestAssured.given;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A logged-in browser for the console's tests: its cookies (session, CSRF) and the CSRF token its pages carry. */
public final class ConsoleSession {

    private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    private final CookieFilter cookies = new CookieFilter();
    private final String csrf;

    private ConsoleSession(String user, String password) {
        given().filter(cookies).redirects().follow(false)
                .formParam("j_username", user).formParam("j_password", password)
                .when().post("/j_security_check").then().statusCode(302);
        String page = given().filter(cookies).when().get("/reviews").then().statusCode(200).extract().asString();
        Matcher token = META.matcher(page);
        if (!token.find()) {
            throw new AssertionError("no csrf-token meta on /reviews");
        }
        this.csrf = token.group(1);
    }

    public static ConsoleSession operator() {
        return new ConsoleSession("operator", "test-operator-password");
    }

    public static ConsoleSession viewer() {
        return new ConsoleSession("viewer", "test-viewer-password");
    }

    /** A request with the session's cookies, not following redirects (actions answer 303). */
    public RequestSpecification request() {
        return given().filter(cookies).redirects().follow(false);
    }

    /** A form post with the CSRF token, as the page's forms send it. */
    public RequestSpecification form() {
        return request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf);
    }
}

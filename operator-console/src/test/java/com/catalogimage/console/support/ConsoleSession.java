package com.catalogimage.console.support;

import static io.restassured.RestAssured.given;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A logged-in browser, as far as RestAssured goes: its cookies (session, CSRF) and the token pages give it. */
public final class ConsoleSession {

    public static final String OPERATOR_PASSWORD = "test-operator-password";
    public static final String VIEWER_PASSWORD = "test-viewer-password";
    private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    private final CookieFilter cookies = new CookieFilter();

    public static ConsoleSession operator() {
        return new ConsoleSession().login("operator", OPERATOR_PASSWORD);
    }

    public static ConsoleSession viewer() {
        return new ConsoleSession().login("viewer", VIEWER_PASSWORD);
    }

    private ConsoleSession login(String user, String password) {
        given().filter(cookies).redirects().follow(false)
                .formParam("j_username", user).formParam("j_password", password)
                .when().post("/j_security_check").then().statusCode(302);
        return this;
    }

    /** A request with this browser's cookies; redirects are not followed. */
    public RequestSpecification request() {
        return given().filter(cookies).redirects().follow(false);
    }

    /** A form post with the CSRF token, as the pages' forms send it. */
    public RequestSpecification form() {
        return request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrfToken());
    }

    /** The CSRF token a page gives this browser (its {@code <meta name="csrf-token">}). */
    public String csrfToken() {
        String page = request().get("/gallery").then().statusCode(200).extract().asString();
        Matcher m = META.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no csrf-token meta tag on the gallery page");
        }
        return m.group(1);
    }
}

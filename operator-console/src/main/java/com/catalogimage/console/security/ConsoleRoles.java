package com.catalogimage.console.security;

/** The console's two roles: every page needs {@link #VIEWER}, every change needs {@link #OPERATOR}. */
public final class ConsoleRoles {

    /** Reads every page. */
    public static final String VIEWER = "viewer";
    /** Approves, rejects, replays and requests again (and is a viewer too). */
    public static final String OPERATOR = "operator";

    private ConsoleRoles() {
    }
}

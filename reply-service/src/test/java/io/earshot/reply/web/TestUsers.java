package io.earshot.reply.web;

/** The dashboard tests' staff, from {@code src/test/resources/test-users}: two responders and a supervisor. */
final class TestUsers {

    static final String ANA = "ana";
    static final String BEN = "ben";
    static final String SUE = "supervisor";

    private TestUsers() {
    }

    static String password(String user) {
        return switch (user) {
            case ANA -> "ana-pw";
            case BEN -> "ben-pw";
            case SUE -> "super-pw";
            default -> "wrong";
        };
    }
}

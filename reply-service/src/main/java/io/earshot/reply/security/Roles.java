package io.earshot.reply.security;

import java.util.LinkedHashSet;
import java.util.Set;

/** The roles and what each includes: an admin is also a supervisor, a supervisor also a responder. */
public final class Roles {

    public static final String RESPONDER = "responder";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    private Roles() {
    }

    public static Set<String> expand(Set<String> roles) {
        Set<String> all = new LinkedHashSet<>(roles);
        if (all.contains(ADMIN)) {
            all.add(SUPERVISOR);
        }
        if (all.contains(SUPERVISOR)) {
            all.add(RESPONDER);
        }
        return Set.copyOf(all);
    }
}

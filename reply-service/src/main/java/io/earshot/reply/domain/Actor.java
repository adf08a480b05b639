package io.earshot.reply.domain;

/**
 * Who acts on the queue: a person with roles, or the system (consumer, publisher, policy).
 *
 * @param supervisor may take over claims, override the lint, assign and act in bulk
 */
public record Actor(String name, boolean supervisor, boolean admin) {

    public static final Actor SYSTEM = new Actor("system", true, true);

    public static Actor policy(String name) {
        return new Actor("policy:" + name, true, false);
    }
}

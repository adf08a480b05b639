package io.earshot.commons.redis;

/**
 * One family of Redis keys a service uses, described once so that stores build keys from it, a rebuild knows what
 * to wipe and docs/redis-keys.md can be checked against it. Each service lists its families in an enum
 * ({@code redis/RedisKeys}) implementing this interface; the accessors live here so the three registries do not
 * repeat them.
 */
public interface KeyFamily {

    /** What a family is: the fixed start of its keys, the shape of the rest, its lifetime and purpose. */
    record Spec(String prefix, String rest, String ttl, boolean wipedByRebuild, String purpose) {
    }

    /** The family's description. */
    Spec spec();

    /** The family's name in the registry (the enum constant's name). */
    String name();

    /** The fixed start of every key of the family (the whole key for a single-key family). */
    default String prefix() {
        return spec().prefix();
    }

    /** The key pattern as the docs show it: the prefix and the shape of the rest. */
    default String pattern() {
        return spec().prefix() + spec().rest();
    }

    /** How long a key lives (a duration, or the config property that sets it). */
    default String ttl() {
        return spec().ttl();
    }

    /** Whether a rebuild of the service's view deletes the family (it is a view of Kafka), or keeps it. */
    default boolean wipedByRebuild() {
        return spec().wipedByRebuild();
    }

    /** What the keys hold, as the docs say it. */
    default String purpose() {
        return spec().purpose();
    }

    /** The key of one member of the family: the prefix then the parts joined by {@code :}. */
    default String key(String... parts) {
        return spec().prefix() + String.join(":", parts);
    }

    /** A SCAN pattern matching every key of the family. */
    default String scanPattern() {
        return spec().prefix() + "*";
    }
}

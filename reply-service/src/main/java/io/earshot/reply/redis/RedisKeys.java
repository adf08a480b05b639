package io.earshot.reply.redis;

import io.earshot.commons.redis.KeyFamily;
import io.earshot.commons.oauth.RedisTokenStore;

/**
 * Every Redis key family reply-service uses, in one place: its prefix, the shape of the rest, how long it lives and
 * whether a queue rebuild wipes it. Stores build their keys through {@link #key}, {@link RebuildStaging#swap()} reads
 * {@link #wipedByRebuild()}, and {@code RedisKeysDocTest} checks that docs/redis-keys.md lists every family, so a
 * new family is one constant here and one row there (the ACL in deploy/k8s reaches {@code earshot:reply:*}).
 */
public enum RedisKeys implements KeyFamily {

    ITEM("earshot:reply:item:", "<id>", "with the item", true, "one queue item as JSON"),
    QUEUE("earshot:reply:queue", "[:label:<v>, :platform:<v> or :lang:<v>]", "with the items", true,
            "the queue order (sorted sets, all items and one per label, platform and language)"),
    QUEUE_FLAG("earshot:reply:queue:flag:", "<flag>", "with the items", true,
            "the items triage flagged so, in queue order (a sorted set per flag)"),
    QUEUE_WORD("earshot:reply:queue:word:", "<folded token>", "with the items", true,
            "the items whose text, author, handle or ids hold the word, in queue order (search)"),
    AUDIT("earshot:reply:audit:", "<id>", "with the item", true, "an item's audit trail (a list of JSON entries)"),
    CLAIM("earshot:reply:claim:", "<id>", "earshot.reply.workflow.claim-ttl", true, "who holds the claim on an item"),
    THREAD("earshot:reply:thread:", "<thread key>", "with the items", true, "the items of one conversation"),
    AUTHOR("earshot:reply:author:", "<platform>:<author id>", "with the items", true, "the items of one author"),
    OUTBOX("earshot:reply:outbox", "", "until published", true, "approved replies to publish, at their due time"),
    PUBLISH_ERRORS("earshot:reply:publish-errors", "", "until replaced", true,
            "why the last publishing attempt of an item failed (a hash)"),
    TIMERS("earshot:reply:timers", "", "until due", true, "claim expiries and snooze ends to act on"),
    SLA("earshot:reply:sla", "", "until due", true, "reply deadlines still to be checked"),
    EVENTS_PENDING("earshot:reply:events:pending", "", "until Kafka acknowledged", false,
            "events written with a change (a new item's drafted event too), not yet acknowledged by Kafka (a rebuild refuses while any is left)"),
    NOTIFY_HELD("earshot:reply:notify:held", "", "until its quiet hours end", false,
            "notification mails held for a recipient's quiet hours, at the time they may be sent"),
    ACTIONS("earshot:reply:actions", "", "the newest 10,000", false,
            "staff and system actions that are not workflow steps, newest first (also on the audit topic)"),
    EMERGING("earshot:reply:emerging:", "<issues, since or recent>", "earshot.reply.emerging.keep (7 days), at most max-issues", false,
            "emerging issues from insights.emerging: the latest version of each (a hash of the event), when it was first seen and the issues by latest detection (a sorted set)"),
    TEMPLATES("earshot:reply:templates", "", "until deleted", false, "reply templates admins edited"),
    BUSINESS_HOURS("earshot:reply:business-hours", "", "until reset", false,
            "business hours an admin edited, over the configured ones (default or platform:account)"),
    SAVED_REPLIES("earshot:reply:saved:", "<user:<name> or team:<name>>", "until deleted", false,
            "an owner's saved replies (a hash: id to JSON)"),
    SAVED_REPLY_OWNERS("earshot:reply:saved-owners", "", "with the saved reply", false,
            "which owner each saved reply id belongs to (a hash), so one is found by its id alone"),
    VIPS("earshot:reply:vips", "", "until unmarked", false,
            "authors a supervisor marked VIP, by <platform>:<author id> (a hash of JSON)"),
    USER_LANGUAGES("earshot:reply:user-languages", "", "until replaced", false, "the languages each user reads"),
    UI_LANGUAGES("earshot:reply:ui-languages", "", "until replaced", false, "each user's dashboard language"),
    LEARNED("earshot:reply:learned:", "<lang>", "capped list", false, "approved replies, as suggestions"),
    TRANSLATION("earshot:reply:translation:", "<id>:<comment version>:<hash>:<target lang>",
            "earshot.reply.translation.cache-ttl", false, "cached machine translations of comments"),
    LOGIN("earshot:reply:login:", "<fail, lock, known, device, hash or audit>:...", "15 min to 400 days (see operations.md)",
            false, "sign-in limits, device cookies, known addresses, upgraded hashes, the sign-in audit"),
    REBUILD_STAGING("earshot:reply:rebuild:", "<view:live key, comment:<id>, events:<id>, ...>", "one rebuild", false,
            "a rebuild's new view and scratch, swapped in when the log was read to its end, else deleted"),
    REBUILD_LOCK("earshot:reply-lock:rebuild", "", "its lease", false,
            "the one running rebuild across replicas (outside earshot:reply: so a wipe keeps it)"),
    OAUTH(RedisTokenStore.PREFIX, "<platform>:<hash>", "30 days", false, "renewed OAuth tokens, shared with ingest");

    private final Spec spec;

    RedisKeys(String prefix, String rest, String ttl, boolean wipedByRebuild, String purpose) {
        this.spec = new Spec(prefix, rest, ttl, wipedByRebuild, purpose);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}

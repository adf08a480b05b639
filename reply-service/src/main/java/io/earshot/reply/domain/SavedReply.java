package io.earshot.reply.domain;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A reply a person or a team keeps to insert into drafts: its text uses the template slots ({@link DraftTemplates#SLOTS})
 * and is filled for the item it is inserted into. Kept apart from the queue, so a rebuild keeps it.
 *
 * @param owner {@code user:<name>} or {@code team:<name>}
 * @param version 1 when created, one more per update; an update names the version it was edited from
 */
public record SavedReply(String id, String title, String lang, String text, String owner, long version,
                         String updatedBy, Instant updatedAt) {

    /** What an owner may be called: the user and team names the queue API accepts. */
    private static final Pattern OWNER = Pattern.compile("(user:[\\w.@-]{1,100}|team:[\\w.@ -]{1,100})");

    public static String user(String name) {
        return "user:" + name;
    }

    public static String team(String name) {
        return "team:" + name;
    }

    public static boolean validOwner(String owner) {
        return owner != null && OWNER.matcher(owner).matches();
    }

    public boolean ownedByTeam() {
        return owner.startsWith("team:");
    }

    /** The user or team name without its {@code user:}/{@code team:} prefix. */
    public String ownerName() {
        return owner.substring(owner.indexOf(':') + 1);
    }

    /** The reply as edited from {@code fromVersion}: one version later. */
    public SavedReply edited(String title, String lang, String text, String by, Instant at, long fromVersion) {
        return new SavedReply(id, title, lang, text, owner, fromVersion + 1, by, at);
    }
}

package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is mailed when an item breaches its SLA, is escalated or is assigned ({@code notify/Notifier}). A recipient is
 * a user name (mailed at {@code users.<name>.email}, in that user's quiet hours held) or an e-mail address. The SMTP
 * server itself is {@code quarkus.mailer.*} (its password from a Secret, see docs/operations.md).
 */
@ConfigMapping(prefix = "earshot.reply.notify")
public interface NotifyConfig {

    /** Whether any mail is sent; off, nothing is rendered, held or counted. */
    @WithDefault("false")
    boolean enabled();

    /** The sender address of every notification. */
    @WithDefault("earshot@localhost")
    String from();

    /** The dashboard's public base URL, for the link to the item ({@code <base>/item/<id>}). */
    @WithDefault("http://localhost:8083")
    String dashboardUrl();

    /** The supervisor role's recipients: breaches and escalations of items whose team has no supervisors of its own. */
    Optional<List<String>> supervisors();

    /** Per team ({@code teams.<team>.*}): its supervisors and who hears of an assignment to the team. */
    Map<String, Team> teams();

    /** Per user name ({@code users.<name>.*}): address and quiet hours. */
    Map<String, User> users();

    /** How often mails held for quiet hours are looked at (each is sent by one replica when its hold ends). */
    @WithDefault("30s")
    Duration releaseEvery();

    /** The optional signed chat webhook that receives every notice too (no quiet hours: it is a channel, not a person). */
    Webhook webhook();

    /** A chat webhook ({@code webhook.*}), signed like every Earshot webhook (commons {@code WebhookSignature}). */
    interface Webhook {

        /** Where notices are POSTed as JSON; none: no webhook. */
        Optional<String> url();

        /** The HMAC-SHA256 key (from a Secret); required when {@link #url()} is set. */
        Optional<String> secret();

        /** Connect and request timeout of one attempt. */
        @WithDefault("PT5S")
        Duration timeout();

        /** Attempts before giving up on one notice (counted as failed). */
        @WithDefault("3")
        int attempts();

        /** The pause after the first failed attempt, doubled after each further one. */
        @WithDefault("PT1S")
        Duration backoff();
    }

    /** One team's recipients. */
    interface Team {

        /** Mailed on breaches and escalations of the team's items, instead of the role's supervisors. */
        Optional<List<String>> supervisors();

        /** Mailed when an item is assigned to the team (without a person); none: the team's supervisors. */
        Optional<List<String>> members();
    }

    /** One user's address and quiet hours. */
    interface User {

        /** Where this user's notifications go; none: the user gets no mail. */
        Optional<String> email();

        /** The user's time zone (IANA, e.g. {@code Europe/Bucharest}), for the quiet hours. */
        @WithDefault("UTC")
        String zone();

        /** Start of the quiet hours, local time; with {@link #quietUntil()}; may be after it (overnight). */
        Optional<LocalTime> quietFrom();

        /** End of the quiet hours, local time: mails held meanwhile are sent then. */
        Optional<LocalTime> quietUntil();
    }
}

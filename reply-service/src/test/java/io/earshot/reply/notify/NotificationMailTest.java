package io.earshot.reply.notify;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.HeldMails;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.RedisKeys;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.SmtpServer;
import io.earshot.reply.support.Staff;
import io.earshot.reply.workflow.SlaWatch;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Notification mails through a real SMTP server: a breach and an escalation reach the supervisors' inboxes with the
 * item, platform, label, deadline and a link and without the comment, the draft, the author or staff's reason; a mail
 * inside a user's quiet hours waits until they end; an SMTP server that is down fails no step.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
@QuarkusTestResource(value = SmtpServer.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationMailTest {

    @Inject
    QueueStore store;

    @Inject
    SlaWatch watch;

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    Notifier notifier;

    @Inject
    HeldMails held;

    @Inject
    MeterRegistry registry;

    private QueueItem queued(Instant deadline, String team) {
        QueueItem item = Items.complaint(Items.platform()).withHandling(h -> h.withSlaDeadline(deadline).withTeam(team));
        assertTrue(store.createIfAbsent(item));
        return item;
    }

    private static List<MimeMessage> mailsTo(String address, String itemId) {
        return Arrays.stream(SmtpServer.server().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))
                        && GreenMailUtil.getBody(m).contains(itemId);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    /** Waits, the way GreenMail offers, until the server holds {@code more} messages beyond {@code before}. */
    private static boolean arrived(int before, int more, long millis) {
        return SmtpServer.server().waitForIncomingEmail(millis, before + more);
    }

    private static int received() {
        return SmtpServer.server().getReceivedMessages().length;
    }

    private static void assertNothingPersonal(QueueItem item, MimeMessage mail, String... more) throws Exception {
        String whole = mail.getSubject() + "\n" + GreenMailUtil.getBody(mail);
        for (String s : List.of(item.text(), item.draftText(), item.author().id(), item.author().handle(),
                item.author().displayName())) {
            assertFalse(whole.contains(s), "the mail leaks " + s + ":\n" + whole);
        }
        for (String s : more) {
            assertFalse(whole.contains(s), "the mail leaks " + s + ":\n" + whole);
        }
    }

    private double count(String kind, String outcome) {
        Counter c = registry.find("earshot.reply.notifications").tag("channel", "mail").tag("kind", kind).tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    @Order(1)
    void aBreachReachesTheSupervisorsWithTheItemAndALinkButNotTheComment() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        // other classes' items in the shared Redis would be taken and mailed too (hundreds, in a full run): forget them
        redis.del(RedisKeys.SLA.prefix());
        QueueItem item = queued(deadline, null);
        int before = received();
        assertEquals(1, watch.check(deadline.plusSeconds(1)));

        assertTrue(arrived(before, 2, 40_000), "two mails");
        assertEquals(1, mailsTo("maria@example.test", item.id()).size());
        assertEquals(1, mailsTo("leads@example.test", item.id()).size());
        MimeMessage mail = mailsTo("maria@example.test", item.id()).get(0);
        String body = GreenMailUtil.getBody(mail);
        assertTrue(mail.getSubject().startsWith("[Earshot] SLA breached: complaint on " + item.platform()), mail.getSubject());
        assertEquals("earshot@example.test", mail.getFrom()[0].toString());
        assertTrue(body.contains("https://earshot.example.test/item/" + item.id()), body);
        assertTrue(body.contains("complaint, priority 60"), body);
        String local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(deadline.atZone(java.time.ZoneId.of("Europe/Bucharest")));
        assertTrue(body.contains("Deadline: " + local), "the deadline in maria's zone:\n" + body);
        assertNothingPersonal(item, mail);

        assertEquals(0, watch.check(deadline.plusSeconds(90)), "taken once");
        assertFalse(arrived(before, 3, 2_000), "no second mail");
    }

    @Test
    @Order(2)
    void anEscalationReachesTheTeamsSupervisorWithoutTheReasonStaffTyped() throws Exception {
        QueueItem item = queued(Instant.now().plus(Duration.ofHours(2)), "care");
        String reason = "customer says: " + item.text();
        int before = received();
        Staff.as("ana").body("{\"reason\":\"" + reason + "\"}").post("/api/queue/" + item.id() + "/escalate")
                .then().statusCode(200).body("state", equalTo("escalated"));

        assertTrue(arrived(before, 1, 40_000));
        assertEquals(1, mailsTo("carla@example.test", item.id()).size());
        MimeMessage mail = mailsTo("carla@example.test", item.id()).get(0);
        assertTrue(mail.getSubject().startsWith("[Earshot] Escalated: complaint on "), mail.getSubject());
        assertTrue(GreenMailUtil.getBody(mail).contains("Team: care"));
        assertNothingPersonal(item, mail, reason, "customer says");
        assertTrue(mailsTo("maria@example.test", item.id()).isEmpty(), "the team's supervisor, not the role's");
    }

    @Test
    @Order(3)
    void anAssignmentInsideTheAssigneesQuietHoursIsHeldUntilTheyEnd() throws Exception {
        QueueItem item = queued(Instant.now().plus(Duration.ofHours(3)), null);
        Instant lateEvening = Instant.parse("2026-11-01T18:00:00Z"); // 23:30 in Kolkata, inside 22:00-07:00
        long heldBefore = held.size();
        int before = received();
        notifier.useClock(Clock.fixed(lateEvening, ZoneOffset.UTC));
        try {
            Staff.supervisor().body("{\"assignee\":\"ana\"}").post("/api/queue/" + item.id() + "/assign")
                    .then().statusCode(200).body("assignee", equalTo("ana"));
            await().atMost(Duration.ofSeconds(10)).until(() -> held.size() == heldBefore + 1);
            assertFalse(arrived(before, 1, 2_000), "held, not sent");

            assertEquals(0, notifier.release(Instant.parse("2026-11-02T01:29:00Z")), "06:59 in Kolkata: still quiet");
            assertTrue(notifier.release(Instant.parse("2026-11-02T01:30:00Z")) >= 1, "07:00 in Kolkata: sent");
        } finally {
            notifier.useClock(Clock.systemUTC());
        }
        assertTrue(arrived(before, 1, 40_000));
        assertEquals(1, mailsTo("ana@example.test", item.id()).size());
        MimeMessage mail = mailsTo("ana@example.test", item.id()).get(0);
        assertTrue(GreenMailUtil.getBody(mail).contains("A comment was assigned to you."));
        assertNothingPersonal(item, mail);
        assertEquals(heldBefore, held.size());
    }

    @Test
    @Order(4)
    void anSmtpServerThatIsDownFailsNoStepAndIsCounted() {
        double failedBefore = count("escalated", "failed");
        SmtpServer.server().stop();
        QueueItem item = queued(Instant.now().plus(Duration.ofHours(4)), null);
        Staff.as("ana").body("{}").post("/api/queue/" + item.id() + "/escalate")
                .then().statusCode(200).body("state", equalTo("escalated"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("escalated", "failed") >= failedBefore + 2);
        assertEquals(QueueItem.State.escalated, store.find(item.id()).orElseThrow().state());
    }
}

package io.earshot.reply.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.NotifyConfig;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.metrics.ReplyMetrics;
import io.earshot.reply.notify.Notice.Kind;
import io.earshot.reply.redis.HeldMails;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import io.vertx.core.Vertx;
import io.vertx.core.Context;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.jboss.logging.Logger;

/**
 * Mails supervisors and assignees when an item breaches its SLA, is escalated or is assigned, so nobody has to watch
 * the queue to learn of it. Called after the change was committed; the work runs on a worker thread and every failure
 * is logged (without addresses or secrets) and counted, so a slow or broken SMTP server never delays or fails a step.
 * A recipient inside their quiet hours gets the mail when the hours end: it is held in Redis ({@link HeldMails}), not
 * dropped, and sent by whichever replica takes it first. The optional chat webhook ({@link ChatWebhook}) gets every
 * notice as well.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);
    private static final int BATCH = 100;
    private static final String MAIL = "mail";

    /** A rendered mail to one address; the JSON of a held one. */
    record Delivery(String id, String kind, String itemId, String to, String subject, String text) {
    }

    private final NotifyConfig config;
    private final ReactiveMailer mailer;
    private final HeldMails held;
    private final ReplyMetrics metrics;
    private final ObjectMapper mapper;
    private final ChatWebhook chat;
    private final Executor executor = Infrastructure.getDefaultWorkerPool();
    /**
     * Mails go out one at a time: two sends started at once from worker threads (outside a Vert.x context) could
     * share the mail client's connection state and leave one connection waiting until the server dropped it (SMTP
     * 421 after its 30 s timeout). A few mails an hour need no parallelism.
     */
    private final Context mailContext;
    private final ExecutorService outgoing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "earshot-mail");
        t.setDaemon(true);
        return t;
    });
    private volatile Clock clock = Clock.systemUTC();

    public Notifier(NotifyConfig config, ReactiveMailer mailer, HeldMails held, ReplyMetrics metrics, ObjectMapper mapper,
                    ChatWebhook chat, Vertx vertx) {
        this.mailContext = vertx.getOrCreateContext();
        this.config = config;
        this.mailer = mailer;
        this.held = held;
        this.metrics = metrics;
        this.mapper = mapper;
        this.chat = chat;
    }

    /** For tests: the time quiet hours are judged at. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    /** Fails the start on a user's time zone that does not exist, naming the property. */
    void validate(@Observes StartupEvent start) {
        config.users().forEach((name, user) -> {
            try {
                ZoneId.of(user.zone());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("earshot.reply.notify.users." + name + ".zone: not a time zone: " + user.zone());
            }
        });
    }

    public void breached(QueueItem item) {
        tell(Notice.of(Kind.SLA_BREACHED, item));
    }

    public void escalated(QueueItem item) {
        tell(Notice.of(Kind.ESCALATED, item));
    }

    public void assigned(QueueItem item) {
        if (item.assignee() != null || item.team() != null) {
            tell(Notice.of(Kind.ASSIGNED, item));
        }
    }

    private void tell(Notice notice) {
        if (!config.enabled()) {
            return;
        }
        try {
            executor.execute(() -> {
                deliver(notice);
                try {
                    chat.post(notice);
                } catch (RuntimeException e) {
                    LOG.warnf("notification webhook (%s of item %s) not sent: %s", notice.kind().tag(), notice.itemId(),
                            e.getClass().getName());
                    metrics.notification("webhook", notice.kind().tag(), "failed");
                }
            });
        } catch (RuntimeException e) {
            failed(notice.kind().tag(), notice.itemId(), e);
        }
    }

    /** Renders, holds or sends the notice's mail to each of its recipients. */
    void deliver(Notice notice) {
        Instant now = clock.instant();
        String kind = notice.kind().tag();
        for (String recipient : recipients(notice)) {
            try {
                boolean address = recipient.contains("@");
                Optional<NotifyConfig.User> user = address ? Optional.empty() : Optional.ofNullable(config.users().get(recipient));
                Optional<String> to = address ? Optional.of(recipient) : user.flatMap(NotifyConfig.User::email);
                if (to.isEmpty()) {
                    metrics.notification(MAIL, kind, "unaddressed");
                    continue;
                }
                ZoneId zone = user.map(u -> ZoneId.of(u.zone())).orElse(ZoneOffset.UTC);
                NoticeMail mail = NoticeMail.of(notice, config.dashboardUrl(), zone);
                Delivery delivery = new Delivery(UUID.randomUUID().toString(), kind, notice.itemId(), to.get(),
                        mail.subject(), mail.text());
                Optional<Instant> until = user.flatMap(u -> quietHours(u, zone)).flatMap(q -> q.heldUntil(now));
                if (until.isPresent()) {
                    held.hold(json(delivery), until.get());
                    metrics.notification(MAIL, kind, "held");
                } else {
                    send(delivery);
                }
            } catch (RuntimeException e) {
                failed(kind, notice.itemId(), e);
            }
        }
    }

    /**
     * Who hears of a notice: for a breach or an escalation the item's team's supervisors (else the supervisor role's),
     * and for a breach also its assignee; for an assignment the assignee, or the team's members (else its supervisors).
     */
    List<String> recipients(Notice notice) {
        Set<String> to = new LinkedHashSet<>();
        Optional<NotifyConfig.Team> team = Optional.ofNullable(notice.team()).map(t -> config.teams().get(t));
        if (notice.kind() == Kind.ASSIGNED) {
            if (notice.assignee() != null) {
                to.add(notice.assignee());
            } else {
                team.flatMap(t -> t.members().or(t::supervisors)).ifPresent(to::addAll);
            }
        } else {
            team.flatMap(NotifyConfig.Team::supervisors).or(config::supervisors).ifPresent(to::addAll);
            if (notice.kind() == Kind.SLA_BREACHED && notice.assignee() != null) {
                to.add(notice.assignee());
            }
        }
        to.removeIf(String::isBlank);
        return List.copyOf(to);
    }

    private static Optional<QuietHours> quietHours(NotifyConfig.User user, ZoneId zone) {
        return user.quietFrom().flatMap(from -> user.quietUntil().map(until -> new QuietHours(zone, from, until)));
    }

    private void send(Delivery d) {
        outgoing.execute(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            // on one Vert.x context, so the SMTP conversation runs on one event loop from connect to QUIT
            mailContext.runOnContext(v -> mailer.send(Mail.withText(d.to(), d.subject(), d.text()).setFrom(config.from()))
                    .subscribe().with(ok -> done.complete(null), done::completeExceptionally));
            try {
                done.get(90, TimeUnit.SECONDS);
                metrics.notification(MAIL, d.kind(), "sent");
            } catch (ExecutionException e) {
                failed(d.kind(), d.itemId(), e.getCause());
            } catch (TimeoutException | RuntimeException e) {
                failed(d.kind(), d.itemId(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @PreDestroy
    void stop() {
        outgoing.shutdownNow();
    }

    private void failed(String kind, String itemId, Throwable e) {
        // the exception's type only: SMTP replies can quote addresses, and a client error its credentials
        String code = e instanceof io.vertx.ext.mail.SMTPException smtp ? " (SMTP reply " + smtp.getReplyCode() + ")" : "";
        LOG.warnf("notification mail (%s of item %s) not sent: %s%s", kind, itemId, e.getClass().getName(), code);
        metrics.notification(MAIL, kind, "failed");
    }

    @Scheduled(every = "${earshot.reply.notify.release-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRelease() {
        if (!config.enabled()) {
            return;
        }
        try {
            release(clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("held notification mails not released: %s", e.getClass().getName());
        }
    }

    /** Sends the held mails whose quiet hours ended by {@code now}; returns how many this replica took. */
    public int release(Instant now) {
        int taken = 0;
        List<String> due;
        do {
            due = held.due(now, BATCH);
            for (String json : due) {
                if (!held.take(json)) {
                    continue; // another replica sends it
                }
                taken++;
                try {
                    send(mapper.readValue(json, Delivery.class));
                } catch (JsonProcessingException | RuntimeException e) {
                    failed("unknown", "-", e);
                }
            }
        } while (due.size() == BATCH);
        return taken;
    }

    private String json(Delivery d) {
        try {
            return mapper.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

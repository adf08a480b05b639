package io.earshot.reply.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free port, with reply-service's mailer pointed at it and notifications on:
 * supervisors {@code maria} (Bucharest) and {@code leads@example.test}, team {@code care} with its own supervisor,
 * and {@code ana}, whose quiet hours are 22:00 to 07:00 in Kolkata.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    public static synchronized GreenMail server() {
        return server;
    }

    @Override
    public synchronized Map<String, String> start() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return Map.ofEntries(
                Map.entry("quarkus.mailer.mock", "false"),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", Integer.toString(server.getSmtp().getPort())),
                Map.entry("quarkus.mailer.start-tls", "DISABLED"),
                Map.entry("quarkus.mailer.own-host-name", "localhost"), // no lookup of the machine's name for EHLO
                Map.entry("earshot.reply.notify.enabled", "true"),
                Map.entry("earshot.reply.notify.from", "earshot@example.test"),
                Map.entry("earshot.reply.notify.dashboard-url", "https://earshot.example.test/"),
                Map.entry("earshot.reply.notify.supervisors", "maria,leads@example.test"),
                Map.entry("earshot.reply.notify.teams.care.supervisors", "carla@example.test"),
                Map.entry("earshot.reply.notify.users.maria.email", "maria@example.test"),
                Map.entry("earshot.reply.notify.users.maria.zone", "Europe/Bucharest"),
                Map.entry("earshot.reply.notify.users.ana.email", "ana@example.test"),
                Map.entry("earshot.reply.notify.users.ana.zone", "Asia/Kolkata"),
                Map.entry("earshot.reply.notify.users.ana.quiet-from", "22:00"),
                Map.entry("earshot.reply.notify.users.ana.quiet-until", "07:00"),
                Map.entry("earshot.reply.notify.release-every", "1h")); // the test releases held mails itself
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}

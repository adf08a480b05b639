package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is in which team. Teams are the names items are assigned to ({@code QueueItem.team}); membership is config
 * because staff accounts (the users file, OIDC) carry roles only. Saved replies of a team are offered to its members.
 */
@ConfigMapping(prefix = "earshot.reply.teams")
public interface TeamsConfig {

    /** Members per team, {@code earshot.reply.teams.members.<team>=ana,ben}; none configured = no team has members. */
    Map<String, List<String>> members();

    /** The teams {@code user} is a member of. */
    default Set<String> of(String user) {
        Set<String> teams = new java.util.TreeSet<>();
        members().forEach((team, users) -> {
            if (users.stream().map(String::strip).anyMatch(user::equals)) {
                teams.add(team);
            }
        });
        return teams;
    }
}

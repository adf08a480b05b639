package io.earshot.reply.redis;

import io.earshot.reply.domain.QueueItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a change moves an item through the queue's indexes: the members are {@code <100-priority>|<deadline>|<id>},
 * so a new priority or deadline is a new member in every index, and a new label, flag or word (an edited comment,
 * re-triaged) is a new index. Nothing moves for the usual step (a claim, an approval), so the script does no work.
 *
 * @param leave     the indexes to remove {@code oldMember} from
 * @param enter     the indexes to add {@code newMember} to
 */
record IndexMove(List<String> leave, List<String> enter, String oldMember, String newMember) {

    static final IndexMove NONE = new IndexMove(List.of(), List.of(), "", "");

    static IndexMove between(QueueItem before, QueueItem after) {
        if (before == null) {
            return NONE;
        }
        String oldMember = QueueKeys.member(before);
        String newMember = QueueKeys.member(after);
        if (oldMember.equals(newMember) && sameIndexedFields(before, after)) {
            return NONE; // the usual step (a claim, an approval): no folding of the text to find that out
        }
        Set<String> was = new LinkedHashSet<>(QueueKeys.indexKeys(before));
        Set<String> is = new LinkedHashSet<>(QueueKeys.indexKeys(after));
        if (oldMember.equals(newMember) && was.equals(is)) {
            return NONE;
        }
        List<String> leave = new ArrayList<>();
        List<String> enter = new ArrayList<>();
        boolean moved = !oldMember.equals(newMember);
        for (String key : was) {
            if (moved || !is.contains(key)) {
                leave.add(key);
            }
        }
        for (String key : is) {
            if (moved || !was.contains(key)) {
                enter.add(key);
            }
        }
        return new IndexMove(leave, enter, oldMember, newMember);
    }

    /** Whether everything {@link QueueKeys#indexKeys} reads is the same in both. */
    private static boolean sameIndexedFields(QueueItem a, QueueItem b) {
        return Objects.equals(a.label(), b.label()) && Objects.equals(a.platform(), b.platform())
                && Objects.equals(a.lang(), b.lang()) && Objects.equals(a.flags(), b.flags())
                && Objects.equals(a.text(), b.text()) && Objects.equals(a.author(), b.author())
                && Objects.equals(a.externalId(), b.externalId()) && Objects.equals(a.id(), b.id());
    }
}

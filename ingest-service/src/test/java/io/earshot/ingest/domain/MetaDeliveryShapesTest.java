package io.earshot.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.ingest.domain.MetaDeliveries.Parsed;
import io.earshot.ingest.domain.MetaDeliveries.Skipped;
import io.earshot.ingest.messaging.CommentIngested.Action;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every delivery shape of src/test/resources/meta (README.md there names each one's source). */
class MetaDeliveryShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "1234567890321";
    private static final String USER = "10150000000000001";

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = MetaDeliveryShapesTest.class.getResourceAsStream("/meta/" + name)) {
            return JSON.readTree(in);
        }
    }

    static Parsed parse(String name) throws IOException {
        return MetaDeliveries.parse(fixture(name), Set.of());
    }

    static CommentDraft only(Parsed p) {
        assertEquals(List.of(), p.skipped(), "nothing set aside");
        assertEquals(1, p.comments().size());
        return p.comments().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "facebook/feed-comment-add-from.json, created, 901097836652708_903438993085259",
        "facebook/feed-comment-add-sender.json, created, 901097836652708_903438993085260",
        "facebook/feed-comment-edited-sender.json, edited, 900728623356296_900744590021366",
        "facebook/feed-comment-add-with-photo.json, created, 901097836652708_903438993085262",
        "facebook/feed-comment-add-with-video.json, created, 901097836652708_903438993085264",
        "facebook/feed-comment-remove.json, removed, 905578656204626_905579239537901",
        "facebook/feed-reply-add.json, created, 901097836652708_903438993085266"})
    void everyFacebookCommentShapeIsAComment(String file, Action action, String id) throws IOException {
        CommentDraft d = only(parse(file));
        assertEquals("facebook", d.platform);
        assertEquals(action, d.action);
        assertEquals(id, d.externalId);
        assertEquals(PAGE, d.account);
        assertTrue(d.threadId.startsWith(PAGE + "_"), d.threadId);
        assertEquals(USER, d.authorId, "from.id or sender_id, every digit of a JSON number kept");
        assertEquals(action == Action.removed ? "John Doe" : "Tester", d.authorName);
        assertEquals("webhook", d.context.get("source"));
        assertTrue(d.createdAt != null && d.revisedAt != null);
    }

    @Test
    void theLegacyEditOfIssue13IsAnEditWithItsTextAndTime() throws IOException {
        CommentDraft d = only(parse("facebook/feed-comment-edited-sender.json"));
        assertEquals("Let's see the Webhooks in action :D", d.text);
        assertEquals(Instant.ofEpochSecond(1448555737), d.revisedAt);
        assertNull(d.parentId, "a top-level comment: parent_id is the post");
    }

    @Test
    void commentsWithoutMessageOrAuthorAreStillComments() throws IOException {
        CommentDraft photo = only(parse("facebook/feed-comment-add-photo-no-message.json"));
        assertEquals("", photo.text);
        assertEquals("photo", photo.context.get("attachment"));
        assertEquals("901097836652708_903438993085259", photo.parentId, "a reply to a comment");
        CommentDraft noFrom = only(parse("facebook/feed-comment-edit-no-from.json"));
        assertEquals(Action.edited, noFrom.action);
        assertEquals("unknown", noFrom.authorId);
        CommentDraft mention = only(parse("facebook/mention-comment-add.json"));
        assertEquals("7363534231324_3754798971271444", mention.externalId);
        assertEquals("99887766554433_7363534231324", mention.threadId);
        assertEquals(Boolean.TRUE, mention.context.get("mention"));
        assertEquals("Just a test message", mention.text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"facebook/feed-comment-edited-own-sender.json", "facebook/feed-comment-add-own-from.json"})
    void thePagesOwnCommentsAreRecognisedByEitherForm(String file) throws IOException {
        Parsed p = parse(file);
        assertEquals(List.of(), p.comments());
        assertEquals(1, p.ownSkipped());
        assertEquals("own-comment", p.skipped().get(0).reason());
        assertFalse(p.skipped().get(0).deadLetter());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "facebook/feed-comment-hide.json, moderation, feed:comment:hide",
        "facebook/feed-comment-unhide.json, moderation, feed:comment:unhide",
        "facebook/feed-reaction-add-comment.json, not-a-comment, feed:reaction",
        "facebook/feed-like-add-comment.json, not-a-comment, feed:like",
        "facebook/feed-share-add.json, not-a-comment, feed:share",
        "facebook/feed-photo-add.json, not-a-comment, feed:photo",
        "facebook/feed-video-add.json, not-a-comment, feed:video",
        "facebook/feed-status-add.json, not-a-comment, feed:status",
        "facebook/feed-post-remove.json, not-a-comment, feed:post"})
    void otherItemsAreAcknowledgedCountedAndNotDeadLettered(String file, String reason, String kind) throws IOException {
        Parsed p = parse(file);
        assertEquals(List.of(), p.comments());
        assertEquals(List.of(), p.errors());
        assertEquals(1, p.ignored().get(kind));
        Skipped s = p.skipped().get(0);
        assertEquals(reason, s.reason());
        assertFalse(s.deadLetter());
    }

    @Test
    void instagramMentionsAreKeptToBeReadNotSkipped() throws IOException {
        Parsed onComment = parse("instagram/mentions-comment.json");
        assertEquals(List.of(), onComment.comments());
        assertEquals(List.of(), onComment.skipped());
        MetaDeliveries.Mention m = onComment.mentions().get(0);
        assertEquals("17841400000000000", m.entryId());
        assertEquals("1757000000", m.entryTime());
        assertEquals("17887498072083599", m.mediaId());
        assertEquals("17865799348089099", m.commentId());
        MetaDeliveries.Mention caption = parse("instagram/mentions-caption.json").mentions().get(0);
        assertEquals("17887498072083598", caption.mediaId());
        assertNull(caption.commentId(), "a caption mention names only the media");
    }

    @Test
    void aMentionWhoseIdsCouldAlterTheGraphQueryIsDeadLettered() throws IOException {
        Parsed p = MetaDeliveries.parse(JSON.readTree("""
                {"object":"instagram","entry":[{"id":"IGACC1","time":1,"changes":[
                 {"field":"mentions","value":{"media_id":"1","comment_id":"2){id},mentioned_media.media_id(3"}},
                 {"field":"mentions","value":{"comment_id":"4"}}]}]}"""), Set.of());
        assertEquals(List.of(), p.mentions());
        assertEquals(List.of("invalid-id", "missing-id"), p.skipped().stream().map(Skipped::reason).toList());
        assertTrue(p.skipped().stream().allMatch(Skipped::deadLetter));
    }

    @Test
    void instagramCommentsInEveryShape() throws IOException {
        CommentDraft top = only(parse("instagram/comments.json"));
        assertEquals("17865799348089039", top.externalId);
        assertEquals("17887498072083520", top.threadId);
        assertEquals("jane", top.authorHandle);
        assertEquals("FEED", top.context.get("mediaProductType"));
        CommentDraft reply = only(parse("instagram/comments-reply.json"));
        assertEquals("17865799348089039", reply.parentId);
        CommentDraft ad = only(parse("instagram/comments-ad.json"));
        assertEquals("23850000000000001", ad.context.get("adId"));
        assertEquals("Winter sale", ad.context.get("adTitle"));
        assertEquals("17887498072083520", ad.context.get("originalMediaId"));
        CommentDraft numeric = only(parse("instagram/comments-numeric-ids.json"));
        assertEquals("17865799348089042", numeric.externalId);
        assertEquals("1789000000000004", numeric.authorId);
        assertEquals("17887498072083520", numeric.threadId);
        CommentDraft legacy = only(parse("instagram/comments-legacy.json"));
        assertEquals("unknown", legacy.authorId);
        assertEquals("17865799348089043", legacy.threadId, "no media: the comment is its own thread");
        assertEquals("This is an example.", legacy.text);
        CommentDraft live = only(parse("instagram/live-comments.json"));
        assertEquals(Boolean.TRUE, live.context.get("live"));
        Parsed own = parse("instagram/comments-own.json");
        assertEquals(1, own.ownSkipped());
        assertEquals(List.of(), own.comments());
    }

    @Test
    void malformedChangesAreSetAsideOneByOneAndKeptWhenTheyLookedLikeComments() throws IOException {
        String body = """
                {"object":"page","entry":[{"id":"P","time":1762000000,"changes":[
                 {"field":"feed","value":{"item":"comment","verb":"add","post_id":"P_1","from":{"id":"U"},"message":"no id"}},
                 {"field":"feed","value":{"item":"comment","verb":"add","comment_id":"1_2","from":{"id":"U"},"message":"no post"}},
                 {"field":"feed","value":{"item":"comment","verb":"add","comment_id":"1_3","post_id":"P_1","message":{"a":1}}},
                 {"field":"feed","value":{"item":"comment","verb":"poke","comment_id":"1_4","post_id":"P_1"}},
                 {"field":"feed","value":"not an object"},
                 "not a change",
                 {"field":"feed","value":{"item":"comment","verb":"add","comment_id":"1_5","post_id":"P_1","from":{"id":"U"},"message":"good"}}
                ]},{"time":1762000000,"changes":[
                 {"field":"feed","value":{"item":"comment","verb":"add","comment_id":"1_6","post_id":"1","message":"no page"}}]}]}""";
        Parsed p = MetaDeliveries.parse(JSON.readTree(body), Set.of());
        assertEquals(List.of(), p.errors(), "no error refuses the delivery");
        assertEquals(List.of("1_5"), p.comments().stream().map(c -> c.externalId).toList());
        assertEquals(List.of("missing-id", "missing-post-id", "invalid-text", "unknown-verb", "invalid-value", "invalid-change",
                "missing-entry-id"), p.deadLetters().stream().map(Skipped::reason).toList());
        Skipped first = p.deadLetters().get(0);
        assertEquals("P", first.entryId());
        assertEquals("1762000000", first.entryTime());
        assertEquals("page", first.object());
        assertEquals("entry[0].changes[0].value.comment_id: is required", first.detail());
        assertEquals(JSON.readTree(body).get("entry").get(0).get("changes").get(0), JSON.readTree(first.change()),
                "the change is kept whole");
        assertEquals(8, p.changes());
    }

    @Test
    void onlyABodyThatIsNoDeliveryIsRefused() throws IOException {
        assertEquals("entry", MetaDeliveries.parse(JSON.readTree("{\"object\":\"page\"}"), Set.of()).errors().get(0)[0]);
        assertEquals("entry", MetaDeliveries.parse(JSON.readTree("{\"entry\":{}}"), Set.of()).errors().get(0)[0]);
        assertEquals("body", MetaDeliveries.parse(JSON.readTree("[1]"), Set.of()).errors().get(0)[0]);
        Parsed noObject = MetaDeliveries.parse(JSON.readTree("""
                {"entry":[{"id":"P","time":1,"changes":[{"field":"feed","value":{"item":"comment","verb":"add",
                 "comment_id":"1_9","post_id":"P_1","from":{"id":"U"},"message":"hi"}}]}]}"""), Set.of());
        assertEquals(1, noObject.comments().size(), "object is told by the field when it is missing");
    }
}

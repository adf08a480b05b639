package io.earshot.reply.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.TranslationConfig;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.AuditEntry;
import io.earshot.reply.messaging.ActionEvent;
import io.earshot.reply.domain.Languages;
import io.earshot.reply.domain.PersonalData;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItem.State;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.domain.Workflow;
import io.earshot.reply.domain.Workflow.Action;
import io.earshot.reply.domain.WorkflowException;
import io.earshot.reply.platform.LlmTranslator;
import io.earshot.reply.platform.LlmTranslator.Availability;
import io.earshot.reply.platform.LlmTranslator.Outcome;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.QueueStore.LockMode;
import io.earshot.reply.redis.RedisKeys;
import io.earshot.reply.redis.UserLanguages;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Translation for staff: a comment in a language the responder does not read is shown with a machine translation
 * into theirs (cached per item, comment version, text and target language), and a reply the responder writes in
 * their own language is machine-translated into the commenter's and becomes the draft, keeping what they wrote and
 * a back-translation so the page shows the reply in both languages. Every request is audited; a failure or refusal
 * of the model changes nothing on the item.
 */
@ApplicationScoped
public class TranslationService {

    static final String CACHE = RedisKeys.TRANSLATION.prefix();

    /**
     * A comment's machine translation, or why there is none.
     *
     * @param status translated, refused or failed
     * @param commentVersion the comment version that was translated
     * @param cached whether it came from the cache rather than a call now
     */
    public record CommentTranslation(String itemId, int commentVersion, LlmTranslator.TranslationStatus status, String text,
                                     String sourceLang, String targetLang, boolean machineTranslated, String provider,
                                     String model, Instant translatedAt, boolean cached, String reason) {
    }

    /**
     * A machine-translated draft as the page shows it: the text to be published and, in the responder's language,
     * what they wrote and the back-translation; {@code shownTextHash} goes with the approval.
     */
    public record ReplyTranslation(boolean machineTranslated, String text, String lang, String sourceText,
                                   String sourceLang, String backTranslation, String provider, String model,
                                   Instant translatedAt, String shownTextHash) {
    }

    /**
     * What the item view says about translation for the user looking at it.
     *
     * @param readerLanguages the languages the user reads, first = the one comments are translated into
     * @param commentNeedsTranslation the comment's language is not among them
     * @param comment the cached translation of the comment, if one was made
     * @param reply the draft's translation, when the draft is a machine translation
     */
    public record TranslationView(boolean available, String reason, String provider, String model, List<String> readerLanguages,
                       boolean commentNeedsTranslation, String commentLang, boolean commentRightToLeft,
                       CommentTranslation comment, ReplyTranslation reply) {
    }

    /** What became of a reply translation: the item as it now is (unchanged unless translated). */
    public record ReplyOutcome(LlmTranslator.TranslationStatus status, String reason, QueueItem item) {
    }

    @Inject
    LlmTranslator translator;

    @Inject
    UserLanguages languages;

    @Inject
    TranslationConfig config;

    @Inject
    QueueService service;

    @Inject
    ActionAudit actions;

    @Inject
    QueueStore store;

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    ObjectMapper mapper;

    public TranslationView view(QueueItem item, String user) {
        Availability a = translator.availability();
        List<String> reads = languages.of(user);
        boolean needed = !Languages.readable(item.lang(), reads);
        CommentTranslation cached = needed && a.available() ? cached(item, reads.get(0)).orElse(null) : null;
        return new TranslationView(a.available(), a.reason(), a.provider(), a.model(), reads, needed, item.lang(),
                Languages.rightToLeft(item.lang()), cached, reply(item.draft()));
    }

    /** The draft's machine translation as the page shows it, or null when a person wrote the draft. */
    public static ReplyTranslation reply(QueueItem.Draft draft) {
        if (draft == null || draft.translation() == null) {
            return null;
        }
        QueueItem.Translation t = draft.translation();
        return new ReplyTranslation(true, draft.text(), draft.lang(), t.sourceText(), t.sourceLang(), t.backTranslation(),
                t.provider(), t.model(), t.at(), QueueItems.shownTextHash(draft));
    }

    /** The cached translation of the item's comment into {@code target}, if any. */
    public Optional<CommentTranslation> cached(QueueItem item, String target) {
        String json = redis.get(cacheKey(item, target));
        if (json == null) {
            return Optional.empty();
        }
        try {
            CommentTranslation c = mapper.readValue(json, CommentTranslation.class);
            return Optional.of(new CommentTranslation(c.itemId(), c.commentVersion(), c.status(), c.text(), c.sourceLang(),
                    c.targetLang(), c.machineTranslated(), c.provider(), c.model(), c.translatedAt(), true, c.reason()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The cached translation of an item's comment; 409 when translation is unavailable. */
    public Optional<CommentTranslation> cachedComment(String id, String target) {
        requireAvailable();
        return cached(service.get(id), target);
    }

    /** The user's language to translate into, or the one they asked for. */
    public String target(String user, String requested) {
        return requested == null || requested.isBlank() ? languages.of(user).get(0) : Languages.require("to", requested);
    }

    /**
     * Translates the comment into {@code target} (the cache first), and audits the request. Only successful
     * translations are cached; a refusal or failure answers with its reason and no text.
     */
    public CommentTranslation translateComment(String id, String user, String target) {
        Availability a = requireAvailable();
        QueueItem item = service.get(id);
        Optional<CommentTranslation> hit = cached(item, target);
        CommentTranslation result;
        if (hit.isPresent()) {
            result = hit.get();
        } else {
            // personal data never leaves for the model, as with LLM drafts
            Outcome o = translator.translate(PersonalData.mask(item, item.text()), item.lang(), target, "a public social-media comment");
            boolean ok = o.status() == LlmTranslator.TranslationStatus.translated;
            result = new CommentTranslation(item.id(), item.commentVersion(), o.status(), ok ? o.text() : null, item.lang(),
                    target, ok, a.provider(), a.model(), service.now(), false, o.reason());
            if (ok) {
                redis.setex(cacheKey(item, target), Math.max(60, config.cacheTtl().toSeconds()), store.json(result));
            }
        }
        audit(item, user, "translated_comment", (item.lang() == null ? "?" : item.lang()) + " -> " + target + " by "
                + a.model() + " (" + a.provider() + "): " + result.status()
                + (result.cached() ? " (cached)" : "") + (result.reason() == null ? "" : ", " + result.reason()));
        return result;
    }

    /**
     * Machine-translates what the responder wrote into the commenter's language and makes it the draft (an edit:
     * claimant only, at the version they saw), keeping their text and a back-translation. A refusal or failure
     * leaves the item as it was and is audited.
     */
    public ReplyOutcome translateReply(String id, Actor actor, String text, String sourceLang, long version) {
        Availability a = requireAvailable();
        QueueItem item = service.get(id);
        String target = item.lang() == null || !Languages.valid(item.lang().toLowerCase()) ? null : item.lang().toLowerCase();
        if (target == null) {
            throw unprocessable("lang", "the comment's language is unknown, so there is nothing to translate the reply into; write it yourself");
        }
        if (target.equals(sourceLang)) {
            throw WorkflowException.badField("from", "the reply is already in the commenter's language (" + target + "); save it as the draft");
        }
        // refuse what the edit would refuse before spending a model call on it
        if (version != item.version()) {
            throw WorkflowException.staleVersion(version, item.version());
        }
        String holder = store.claimHolder(id);
        State state = Workflow.effective(item, holder, service.now());
        if (!Workflow.allowed(Action.EDIT, state)) {
            throw WorkflowException.wrongState("cannot edit an item that is " + state + "; claim it first");
        }
        if (holder != null && !holder.equals(actor.name())) {
            throw WorkflowException.claimedBy(holder);
        }
        Outcome forward = translator.translate(text, sourceLang, target, "a reply a business will post");
        if (forward.status() != LlmTranslator.TranslationStatus.translated) {
            audit(item, actor.name(), "translate_reply_" + forward.status(), sourceLang + " -> " + target + " by "
                    + a.model() + " (" + a.provider() + "): " + forward.reason() + "; the draft is unchanged");
            return new ReplyOutcome(forward.status(), forward.reason(), item);
        }
        Outcome back = translator.translate(forward.text(), target, sourceLang, "a reply a business will post");
        String backText = back.status() == LlmTranslator.TranslationStatus.translated ? back.text() : null;
        Instant now = service.now();
        QueueItem.Translation t = new QueueItem.Translation(text, sourceLang, backText, a.provider(), a.model(), now);
        String reason = "machine-translated from " + sourceLang + " into " + target + " by " + a.model() + " ("
                + a.provider() + ")" + (backText == null ? "; back-translation unavailable: " + back.reason() : "");
        QueueItem after = service.apply(id, Step.of(Action.EDIT, actor, LockMode.HOLD).expecting(version).because(reason)
                .changing(i -> i.withDraft(new QueueItem.Draft(forward.text(), target, "mt:" + a.model(), actor.name(),
                        item.commentVersion(), t))));
        return new ReplyOutcome(LlmTranslator.TranslationStatus.translated, backText == null ? reason : null, after);
    }

    private Availability requireAvailable() {
        Availability a = translator.availability();
        if (!a.available()) {
            throw new WorkflowException(WorkflowException.Reason.TRANSLATION_UNAVAILABLE,
                    "machine translation is unavailable: " + a.reason(), List.of(), null);
        }
        return a;
    }

    private void audit(QueueItem item, String user, String action, String reason) {
        String state = item.state().name();
        store.appendAudit(item.id(), store.json(new AuditEntry(service.now(), user, action, state, state, item.version(),
                null, null, reason)));
        actions.record(user, "translated_comment".equals(action) ? ActionEvent.Action.COMMENT_TRANSLATED
                : ActionEvent.Action.REPLY_TRANSLATION_REFUSED, item.id(), action + ": " + reason);
    }

    private static WorkflowException unprocessable(String field, String detail) {
        return new WorkflowException(WorkflowException.Reason.UNPROCESSABLE, detail,
                List.of(new WorkflowException.FieldError(field, detail)), null);
    }

    /** Keyed by item, comment version, the text itself and the target language: an edited comment is translated anew. */
    static String cacheKey(QueueItem item, String target) {
        return CACHE + item.id() + ":" + item.commentVersion() + ":"
                + QueueItems.sha256(item.text() == null ? "" : item.text()).substring(0, 16) + ":" + target;
    }
}

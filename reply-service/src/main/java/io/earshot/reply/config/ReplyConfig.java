package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** How reply-service drafts and queues replies. */
@ConfigMapping(prefix = "earshot.reply")
public interface ReplyConfig {

    /** The business's name as replies say it ({@code {brand}} in templates). */
    @WithDefault("our team")
    String brandName();

    /** How replies are signed ({@code {signature}} in templates), e.g. "– Ana, Support"; unsigned when absent. */
    Optional<String> signature();

    /** Languages that have reply templates; a comment in any other language gets the fallback's template. */
    @WithDefault("en,es,ru,ar,ro,te,fr,de,pt,it,hi")
    List<String> templateLanguages();

    /** The language drafted in when the comment's has no templates. */
    @WithDefault("en")
    String fallbackLanguage();

    /** Largest page {@code GET /api/queue} returns. */
    @WithDefault("100")
    int maxPageSize();

    /**
     * Most queue members one page of a search reads when the query has no complete word to look up (one word still
     * being typed): such a page may come back short, with a cursor to read on.
     */
    @WithDefault("2000")
    int searchScanLimit();
}

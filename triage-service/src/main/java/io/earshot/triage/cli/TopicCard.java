package io.earshot.triage.cli;

/** The "Topics" section of docs/model-card.md: how the topic cues work, how they were measured, the figures. */
final class TopicCard {

    private TopicCard() { }

    static String render(String figures) {
        return """
                ## Topics

                Complaints and comments that ask something get `triage.topic` (`comments.triaged`), one of `delivery`,
                `refund_billing`, `product_quality`, `account_login`, `staff_behaviour`, `waiting_no_answer`, `pricing` or
                `other`; praise and neutral remarks get none. reply-service picks the admin template `lang:kind:topic` by it
                and the dashboard shows it. `TopicClassifier` is no trained model: cue lists per language
                (`triage-service/src/main/resources/topics/{en,es,ru,ar,ro,te}.txt`, Earshot's own words and stems written by
                hand, not taken from any data set), matched on the folded words the stance model reads (lower case, accents
                and Arabic tashkeel removed, Arabic letter variants unified; a leading Arabic wa-/fa-/bi-/li-/al- set aside;
                stems for Russian, Romanian, Arabic and Telugu inflections). The topic with most cue hits wins (a phrase
                counts two, a word one; ties go to the more specific topic, waiting last); `other` when no cue matches, and
                for languages without a list. Russian, Arabic and Telugu lists include the English one (code-mixed
                comments). The lists are compiled once at start-up into one character trie per language: a comment costs
                one trie walk per word, no regular expression: about 1 to 2 µs per comment on one thread (printed by
                `./suite evaluate --only topics`), against the 50 µs a comment may take at 20,000 per CPU-second.

                How it was measured. (1) The airline set's complaints carry a reason (`meta.reason`), mapped to topics:
                late flight, cancelled flight, lost luggage -> `delivery`; damaged luggage, bad flight -> `product_quality`;
                flight attendant complaints -> `staff_behaviour`; customer service issue, long lines -> `waiting_no_answer`;
                flight booking problems -> `account_login` (booking on the site or app); "Can't Tell" is not scored. The
                mapping is approximate ("customer service issue" holds rude agents and refunds as well as holds and
                silence). The figures are on the `dev` rows; the lists were written before any airline row was read (with
                travel among the businesses in mind: luggage, crew, fares). (2) 125 complaints in the other core languages
                (`triage-service/src/test/resources/topic-sample.tsv`; how they were drawn and labelled is in its header:
                by hand, one main topic each, before the classifier was run on them; ids and labels only, the text where the
                licence allows). Their sets are hotel, product, book and bank reviews, so `product_quality` and `other`
                dominate and the rarer topics have a handful of rows each: read their precision and recall as anecdotes.
                `./suite evaluate --only topics` prints these tables.

                %s
                No learnt model was tried: the only topic labels in `../shared/data` are the airline reasons (English, one
                industry), too narrow to learn topics for six languages from; the cue lists can be read and extended per
                deployment.

                """.formatted(figures);
    }
}

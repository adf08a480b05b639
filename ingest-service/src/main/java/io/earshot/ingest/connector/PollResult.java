package io.earshot.ingest.connector;

/**
 * What one poll of one account did.
 *
 * @param read comments read from the platform
 * @param accepted published now
 * @param duplicates published before
 * @param cursorAdvanced whether the cursor moved (only after Kafka acknowledged everything read)
 * @param stop why paging stopped early (quota, rate limit, token, error), or null
 */
public record PollResult(String connector, int read, int accepted, int duplicates, boolean cursorAdvanced, String stop) {
}

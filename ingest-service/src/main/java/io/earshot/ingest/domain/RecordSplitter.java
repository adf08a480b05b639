package io.earshot.ingest.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a stream into records, one at a time, in constant memory: a line of JSON Lines, or a CSV record (a quoted
 * field may hold line breaks). Each record is decoded as strict UTF-8 on its own, so one bad line is reported and
 * the next one still read. Records longer than the limit are skipped whole and reported.
 */
public final class RecordSplitter {

    /** One record: its text, or why it has none; {@code line} is the line it starts on (1-based). */
    public record Record(long line, String text, String error) {
    }

    private final InputStream in;
    private final boolean csvQuotes;
    private final int maxBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
    private long nextLine = 1;
    private boolean first = true;
    private boolean eof;

    public RecordSplitter(InputStream in, boolean csvQuotes, int maxBytes) {
        this.in = in;
        this.csvQuotes = csvQuotes;
        this.maxBytes = maxBytes;
    }

    /** The next record, or null at the end of the stream. */
    public Record next() throws IOException {
        if (eof) {
            return null;
        }
        buffer.reset();
        long line = nextLine;
        boolean inQuotes = false;
        boolean tooLong = false;
        boolean any = false;
        int b;
        while ((b = in.read()) >= 0) {
            any = true;
            if (b == '\n') {
                nextLine++;
                if (!inQuotes) {
                    return finish(line, tooLong);
                }
            }
            if (csvQuotes && b == '"') {
                inQuotes = !inQuotes;
            }
            if (!tooLong) {
                if (buffer.size() >= maxBytes) {
                    tooLong = true;
                    buffer.reset();
                } else {
                    buffer.write(b);
                }
            }
        }
        eof = true;
        return any ? finish(line, tooLong) : null;
    }

    private Record finish(long line, boolean tooLong) {
        if (tooLong) {
            return new Record(line, null, "longer than " + maxBytes + " bytes");
        }
        byte[] bytes = buffer.toByteArray();
        int start = 0;
        int end = bytes.length;
        if (first && end >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        first = false;
        if (end > start && bytes[end - 1] == '\r') {
            end--;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            return new Record(line, text, null);
        } catch (CharacterCodingException e) {
            return new Record(line, null, "is not valid UTF-8");
        }
    }
}

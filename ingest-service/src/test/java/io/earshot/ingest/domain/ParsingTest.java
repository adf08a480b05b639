package io.earshot.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTML to text, CSV fields and the streamed record splitter. */
class ParsingTest {

    @Test
    void htmlBecomesPlainText() {
        assertEquals("@brand the app crashes & I lost my data\nhelp?", TextNormalizer.fromHtml(
                "<p><span class=\"h-card\"><a href=\"https://x\" class=\"u-url mention\">@<span>brand</span></a></span> "
                        + "the app crashes &amp; I lost my data<br />help?</p>"));
        assertEquals("one\ntwo", TextNormalizer.fromHtml("<p>one</p><p>two</p>"));
        assertEquals("a < b é \u00A0x", TextNormalizer.fromHtml("a &lt; b &#233; &nbsp;x"));
        assertEquals("no script", TextNormalizer.fromHtml("no <script>alert(1)</script>script"));
        assertEquals("&bogus; stays", TextNormalizer.decodeEntities("&bogus; stays"));
        assertEquals("😀", TextNormalizer.decodeEntities("&#x1F600;"));
    }

    @Test
    void csvFields() {
        assertEquals(List.of("a", "b, c", "say \"hi\"", ""), Csv.fields("a,\"b, c\",\"say \"\"hi\"\"\","));
        assertEquals(List.of("line\nbreak"), Csv.fields("\"line\nbreak\""));
        assertNull(Csv.fields("\"open"));
        assertNull(Csv.fields("\"closed\"junk,b"));
    }

    @Test
    void recordsSplitOnLinesKeepQuotedBreaksAndReportBadOnes() throws IOException {
        byte[] bytes = "\uFEFFh1,h2\r\n\"a\nb\",c\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] tail = {'x', (byte) 0xC3, '\n', 'o', 'k'};
        byte[] all = new byte[bytes.length + tail.length];
        System.arraycopy(bytes, 0, all, 0, bytes.length);
        System.arraycopy(tail, 0, all, bytes.length, tail.length);
        RecordSplitter splitter = new RecordSplitter(new ByteArrayInputStream(all), true, 1024);
        assertEquals(new RecordSplitter.Record(1, "h1,h2", null), splitter.next());
        assertEquals(new RecordSplitter.Record(2, "\"a\nb\",c", null), splitter.next());
        assertEquals(new RecordSplitter.Record(4, "", null), splitter.next());
        assertEquals(new RecordSplitter.Record(5, null, "is not valid UTF-8"), splitter.next());
        assertEquals(new RecordSplitter.Record(6, "ok", null), splitter.next());
        assertNull(splitter.next());
    }

    @Test
    void overlongRecordsAreSkippedWhole() throws IOException {
        String text = "x".repeat(50) + "\nshort\n";
        RecordSplitter splitter = new RecordSplitter(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), false, 10);
        assertEquals(new RecordSplitter.Record(1, null, "longer than 10 bytes"), splitter.next());
        assertEquals(new RecordSplitter.Record(2, "short", null), splitter.next());
        assertNull(splitter.next());
    }

    @Test
    void tokenBucketRefusesBeyondTheBurstAndSaysHowLongToWait() {
        TokenBucket bucket = new TokenBucket(1);
        long t = 0;
        assertEquals(0, bucket.tryTake(t));
        assertEquals(0, bucket.tryTake(t));
        long wait = bucket.tryTake(t);
        assertEquals(true, wait > 0 && wait <= 1000);
        assertEquals(0, bucket.tryTake(t + 1_000_000_000L));
    }
}

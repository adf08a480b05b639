package io.earshot.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Fuzzes the bulk import parser: records cut from any bytes (JSON Lines or CSV with quoted line breaks, invalid
 * UTF-8, over-long lines) and CSV fields. The splitter must end, give each record either text or a reason, keep line
 * numbers increasing, and never need more than the limit per record; Csv.fields never throws.
 */
class ImportParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void records(FuzzedDataProvider data) throws IOException {
        boolean csv = data.consumeBoolean();
        int max = data.consumeInt(1, 256);
        byte[] body = data.consumeRemainingAsBytes();
        RecordSplitter splitter = new RecordSplitter(new ByteArrayInputStream(body), csv, max);
        long lastLine = 0;
        int records = 0;
        RecordSplitter.Record r;
        while ((r = splitter.next()) != null) {
            records++;
            assertTrue(records <= body.length + 1, "more records than bytes");
            assertTrue(r.line() > lastLine, "line numbers increase");
            lastLine = r.line();
            assertTrue((r.text() == null) != (r.error() == null), "a record has text or an error, not both");
            if (r.text() != null) {
                assertTrue(r.text().length() <= max, "a record is never longer than the limit");
                if (csv) {
                    List<String> fields = Csv.fields(r.text());
                    if (fields != null) {
                        fields.forEach(f -> assertNotNull(f));
                    }
                }
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void csvFields(FuzzedDataProvider data) {
        String record = data.consumeRemainingAsString();
        List<String> fields = Csv.fields(record);
        if (fields != null) {
            assertTrue(fields.size() >= 1);
        }
    }
}

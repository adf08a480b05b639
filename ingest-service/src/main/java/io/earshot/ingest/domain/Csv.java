package io.earshot.ingest.domain;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 fields of one CSV record (quotes, doubled quotes, line breaks inside quotes). */
public final class Csv {

    private Csv() {
    }

    /** The fields of a record, or null when a quote is not closed or stray text follows a closing quote. */
    public static List<String> fields(String record) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = record.length();
        while (true) {
            field.setLength(0);
            if (i < n && record.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = record.charAt(i++);
                    if (c == '"') {
                        if (i < n && record.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (!closed || (i < n && record.charAt(i) != ',')) {
                    return null;
                }
            } else {
                while (i < n && record.charAt(i) != ',') {
                    field.append(record.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }
}

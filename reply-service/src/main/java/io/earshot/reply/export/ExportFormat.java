package io.earshot.reply.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The two shapes an export is written in, a row at a time to the response (never the whole export in memory):
 * CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read every script, a header row) and JSON Lines.
 * Comment text is hostile: a CSV cell that a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
public enum ExportFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    JSONL("application/x-ndjson", "jsonl");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** A format by its query-parameter name, null when there is none such. */
    public static ExportFormat of(String name) {
        for (ExportFormat f : values()) {
            if (f.extension.equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** Writes rows of named columns; close it to flush what is left. */
    public interface RowWriter extends AutoCloseable {
        void write(List<?> values);

        @Override
        void close();
    }

    /** A writer of rows with these columns onto {@code out}. */
    public RowWriter open(OutputStream out, List<String> columns, ObjectMapper mapper) {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            return this == CSV ? csv(text, columns) : jsonl(text, columns, mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RowWriter csv(Writer text, List<String> columns) throws IOException {
        text.write('\uFEFF');
        CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get().print(text);
        return new RowWriter() {
            @Override
            public void write(List<?> values) {
                List<Object> cells = new ArrayList<>(values.size());
                for (Object v : values) {
                    cells.add(cell(v));
                }
                try {
                    printer.printRecord(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
                try {
                    printer.close(true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static RowWriter jsonl(Writer text, List<String> columns, ObjectMapper mapper) throws IOException {
        JsonGenerator json = mapper.getFactory().createGenerator(text);
        json.setRootValueSeparator(null);
        return new RowWriter() {
            @Override
            public void write(List<?> values) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), values.get(i));
                }
                try {
                    mapper.writeValue(json, row);
                    json.writeRaw('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
                try {
                    json.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** A CSV cell: lists joined by spaces, and text a spreadsheet would take for a formula made plain text. */
    static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join(" ", list.stream().map(String::valueOf).toList());
        }
        String s = String.valueOf(value);
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }
}

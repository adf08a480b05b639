package io.earshot.ingest.api;

import io.earshot.commons.api.Problem;
import io.earshot.commons.api.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit: larger is a 413 problem, read no further than the limit. */
final class Bodies {

    private Bodies() {
    }

    static byte[] read(InputStream in, int max, String contentLength) throws IOException {
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.trim()) > max) {
                    throw tooLarge(max);
                }
            } catch (NumberFormatException ignored) {
                // counted below
            }
        }
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[16384];
        int total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > max) {
                throw tooLarge(max);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static ProblemException tooLarge(int max) {
        return new ProblemException(Problem.of(413, "Payload Too Large", "the body may be at most " + max + " bytes"));
    }
}

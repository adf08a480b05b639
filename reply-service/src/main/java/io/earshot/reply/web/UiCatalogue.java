package io.earshot.reply.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The JavaScript modules' strings: {@code i18n/ui_<lang>.properties} (UTF-8) served as one JSON object per language,
 * which {@code common.js} loads before any module renders. A key missing in a language falls back to English here,
 * but {@code UiBundlesTest} fails the build first. Public, like the scripts themselves: it holds no data.
 */
@Path("/i18n")
@ApplicationScoped
public class UiCatalogue {

    private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

    @GET
    @Path("{lang}.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response catalogue(@PathParam("lang") String lang) {
        if (!UiLanguages.supported(lang)) {
            throw new NotFoundException();
        }
        return Response.ok(strings(lang)).header("Cache-Control", "no-cache").build();
    }

    /** The language's strings with English under any key it lacks. */
    public Map<String, String> strings(String lang) {
        return cache.computeIfAbsent(lang, l -> {
            Map<String, String> out = new TreeMap<>(load(UiLanguages.DEFAULT));
            out.putAll(load(l));
            return Map.copyOf(out);
        });
    }

    /** One language's file as it is, without fallback (tests compare the files through this). */
    public static Map<String, String> load(String lang) {
        String path = "i18n/ui_" + lang + ".properties";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Map.of();
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new TreeMap<>();
            p.forEach((k, v) -> out.put((String) k, (String) v));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Writes the local users file of reply-service: users admin, supervisor and responder with PBKDF2-HMAC-SHA256 hashed
 * passwords (name:roles:pbkdf2-sha256:iterations:salt:hash, the format io.earshot.reply.security.UserStore reads).
 *
 * <p>Passwords come from EARSHOT_ADMIN_PASSWORD, EARSHOT_SUPERVISOR_PASSWORD and EARSHOT_RESPONDER_PASSWORD when
 * set. A user without one keeps the hash already in the file; a user with neither gets a generated password, printed
 * once on stdout, and, with {@code --secrets SECRETS_ENV}, appended to that file as EARSHOT_<USER>_PASSWORD=... (mode
 * 600; the local runtime's secrets.env, where local tools and the end-to-end test read them).
 * Run: java GenerateUsers.java [--secrets SECRETS_ENV] USERS_FILE
 */
public class GenerateUsers {

    /** OWASP's current count for PBKDF2-HMAC-SHA256; reply-service upgrades older hashes on their next sign-in. */
    static final int ITERATIONS = 600_000;

    public static void main(String[] args) throws Exception {
        Path secrets = null;
        if (args.length == 3 && args[0].equals("--secrets")) {
            secrets = Path.of(args[1]);
            args = new String[] {args[2]};
        }
        if (args.length != 1) {
            System.err.println("usage: java GenerateUsers.java [--secrets SECRETS_ENV] USERS_FILE");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        List<String> secretLines = new ArrayList<>();
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("admin", "admin");
        roles.put("supervisor", "supervisor");
        roles.put("responder", "responder");
        Map<String, String> existing = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split(":", 3);
                if (parts.length == 3 && !line.startsWith("#")) {
                    existing.put(parts[0], line);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("# reply-service staff accounts: name:roles:pbkdf2-sha256:iterations:salt:hash (deploy/local/users/GenerateUsers.java)");
        List<String> generated = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (var entry : roles.entrySet()) {
            String name = entry.getKey();
            String given = System.getenv("EARSHOT_" + name.toUpperCase() + "_PASSWORD");
            if (given != null && !given.isEmpty()) {
                lines.add(name + ":" + entry.getValue() + ":" + hash(given.toCharArray(), random));
            } else if (existing.containsKey(name)) {
                lines.add(existing.get(name));
            } else {
                byte[] bytes = new byte[15];
                random.nextBytes(bytes);
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                lines.add(name + ":" + entry.getValue() + ":" + hash(password.toCharArray(), random));
                generated.add(String.format("  %-10s %s", name, password));
                secretLines.add("EARSHOT_" + name.toUpperCase() + "_PASSWORD=" + password);
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".users", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system
        }
        Files.writeString(tmp, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (secrets != null && !secretLines.isEmpty()) {
            if (!Files.exists(secrets)) {
                Files.createFile(secrets);
                try {
                    Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            Files.writeString(secrets, String.join("\n", secretLines) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        if (!generated.isEmpty()) {
            System.out.println("Generated reply-service passwords (shown once; set EARSHOT_<USER>_PASSWORD to choose them):");
            generated.forEach(System.out::println);
        }
    }

    static String hash(char[] password, SecureRandom random) throws Exception {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password, salt, ITERATIONS, 256)).getEncoded();
        return "pbkdf2-sha256:" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }
}

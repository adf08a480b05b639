package io.earshot.reply.security;

import io.earshot.reply.config.AuthConfig;
import io.earshot.reply.redis.RedisKeys;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Counts failed sign-ins in Redis (so every replica sees the same counts) and answers, before any password hash, whether
 * a try must wait. Three scopes, each with a back-off that doubles per failure past its threshold: the account from
 * one address (tight), the address over every account, and the account from every address (much looser).
 *
 * <p>So that an attacker cannot lock the real user out, the two wide scopes only bind clients the account does not
 * know: a browser holding a device cookie the account earned by signing in (OWASP's "device cookies") skips every
 * scope and only loses its trust after too many failures of its own, and an address the account signed in from
 * recently skips the address-wide and account-wide limits. A session cookie never reaches this class at all.
 */
@ApplicationScoped
public class LoginLimiter {

    static final String PREFIX = RedisKeys.LOGIN.prefix();
    private static final String[] SCOPES = {"", "account_address", "address", "account"};

    /** KEYS: device, known, pair lock, address lock, account lock. ARGV: account. */
    private static final String CHECK = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return {1, 1, 0, 0} end
            local known = redis.call('EXISTS', KEYS[2])
            local wait, scope = redis.call('PTTL', KEYS[3]), 1
            if known == 0 then
              local a = redis.call('PTTL', KEYS[4]); if a > wait then wait, scope = a, 2 end
              local c = redis.call('PTTL', KEYS[5]); if c > wait then wait, scope = c, 3 end
            end
            return {0, known, wait, scope}
            """;

    /**
     * KEYS: pair count, pair lock, address count, address lock, account count, account lock, device, device count.
     * ARGV: mode (device|known|unknown), window ms, pair, address, account and device thresholds, base ms, max ms.
     */
    private static final String FAIL = """
            local window, base, cap = tonumber(ARGV[2]), tonumber(ARGV[7]), tonumber(ARGV[8])
            local function bump(count, lock, free)
              local n = redis.call('INCR', count)
              redis.call('PEXPIRE', count, window)
              if n < free then return 0 end
              local ms = math.floor(math.min(cap, base * 2 ^ math.min(n - free, 40)))
              redis.call('SET', lock, '1', 'PX', ms)
              return ms
            end
            if ARGV[1] == 'device' then
              local n = redis.call('INCR', KEYS[8])
              redis.call('PEXPIRE', KEYS[8], window)
              if n >= tonumber(ARGV[6]) then redis.call('DEL', KEYS[7], KEYS[8]); return {0, 0, 0, 1} end
              return {0, 0, 0, 0}
            end
            local pair, addr, acct = bump(KEYS[1], KEYS[2], tonumber(ARGV[3])), 0, 0
            if ARGV[1] == 'unknown' then
              addr = bump(KEYS[3], KEYS[4], tonumber(ARGV[4]))
              acct = bump(KEYS[5], KEYS[6], tonumber(ARGV[5]))
            end
            return {pair, addr, acct, 0}
            """;

    /** KEYS: pair count, pair lock, known, device, device count. ARGV: account, known ttl ms, device ttl ms, write device. */
    private static final String SUCCEED = """
            redis.call('DEL', KEYS[1], KEYS[2], KEYS[5])
            redis.call('SET', KEYS[3], '1', 'PX', ARGV[2])
            if ARGV[4] == '1' then redis.call('SET', KEYS[4], ARGV[1], 'PX', ARGV[3]) end
            return 1
            """;

    /** One try: the account as typed, the client address as resolved by the HTTP layer, the device cookie if any. */
    public record Attempt(String account, String address, String device) {
    }

    /** What the limiter knows of the client before the password is checked. */
    public record Standing(boolean trustedDevice, boolean knownAddress) {
    }

    /** What a failure set off: the longest back-off it started (zero for none) and whether the device lost its trust. */
    public record Failure(Duration lockedFor, String scope, boolean deviceRevoked) {
    }

    private final RedisCommands<String, String> redis;
    private final AuthConfig.Limits limits;
    private final SecureRandom random = new SecureRandom();

    public LoginLimiter(RedisCommands<String, String> redis, AuthConfig config) {
        this.redis = redis;
        this.limits = config.limits();
    }

    /** The client's standing; throws {@link LoginThrottledException} when a back-off it is bound by is running. */
    public Standing check(Attempt attempt) {
        List<Object> r = redis.eval(CHECK, ScriptOutputType.MULTI, new String[] {deviceKey(attempt), knownKey(attempt),
                lockKey("pair", attempt), lockKey("addr", attempt), lockKey("acct", attempt)}, attempt.account());
        long wait = (Long) r.get(2);
        if (wait > 0) {
            throw new LoginThrottledException(Duration.ofMillis(wait), SCOPES[((Long) r.get(3)).intValue()]);
        }
        return new Standing((Long) r.get(0) == 1, (Long) r.get(1) == 1);
    }

    /** Counts a wrong password (or unknown account) in the scopes that bind this client. */
    public Failure failed(Attempt attempt, Standing standing) {
        String mode = standing.trustedDevice() ? "device" : standing.knownAddress() ? "known" : "unknown";
        List<Object> r = redis.eval(FAIL, ScriptOutputType.MULTI, new String[] {countKey("pair", attempt),
                        lockKey("pair", attempt), countKey("addr", attempt), lockKey("addr", attempt),
                        countKey("acct", attempt), lockKey("acct", attempt), deviceKey(attempt), deviceCountKey(attempt)},
                mode, ms(limits.window()), Integer.toString(limits.perAccountAndAddress()),
                Integer.toString(limits.perAddress()), Integer.toString(limits.perAccount()),
                Integer.toString(limits.perDevice()), ms(limits.backoffBase()), ms(limits.backoffMax()));
        long longest = 0;
        String scope = "";
        for (int i = 0; i < 3; i++) {
            long ms = (Long) r.get(i);
            if (ms > longest) {
                longest = ms;
                scope = SCOPES[i + 1];
            }
        }
        return new Failure(Duration.ofMillis(longest), scope, (Long) r.get(3) == 1);
    }

    /**
     * Clears the account's failures from this address (and device), remembers the address, and, for a browser
     * ({@code issueDevice}), returns a new device cookie value when it had none for this account.
     */
    public Optional<String> succeeded(Attempt attempt, Standing standing, boolean issueDevice) {
        String device = standing.trustedDevice() || !issueDevice ? attempt.device() : newToken();
        Attempt effective = new Attempt(attempt.account(), attempt.address(), device);
        redis.eval(SUCCEED, ScriptOutputType.INTEGER, new String[] {countKey("pair", attempt), lockKey("pair", attempt),
                        knownKey(attempt), deviceKey(effective), deviceCountKey(effective)}, attempt.account(),
                ms(limits.knownAddressTtl()), ms(limits.deviceTtl()), issueDevice ? "1" : "0");
        return issueDevice && !standing.trustedDevice() ? Optional.of(device) : Optional.empty();
    }

    /** Forgets the account's failures and back-offs, from every address (an admin unlocking a colleague); keys removed. */
    public long unlockAccount(String account) {
        String d = digest(account);
        List<String> keys = new ArrayList<>(List.of(PREFIX + "fail:acct:" + d, PREFIX + "lock:acct:" + d));
        for (String kind : new String[] {"fail", "lock"}) {
            ScanArgs match = ScanArgs.Builder.matches(PREFIX + kind + ":pair:" + d + ":*").limit(500);
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, match);
                keys.addAll(page.getKeys());
                cursor = page;
            } while (!cursor.isFinished());
        }
        return redis.del(keys.toArray(String[]::new));
    }

    /** Forgets the failures and back-off of one client address over every account; keys removed. */
    public long unlockAddress(String address) {
        return redis.del(PREFIX + "fail:addr:" + address, PREFIX + "lock:addr:" + address);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String countKey(String scope, Attempt a) {
        return PREFIX + "fail:" + scoped(scope, a);
    }

    private static String lockKey(String scope, Attempt a) {
        return PREFIX + "lock:" + scoped(scope, a);
    }

    private static String scoped(String scope, Attempt a) {
        return switch (scope) {
            case "pair" -> "pair:" + digest(a.account()) + ":" + a.address();
            case "addr" -> "addr:" + a.address();
            default -> "acct:" + digest(a.account());
        };
    }

    private static String knownKey(Attempt a) {
        return PREFIX + "known:" + digest(a.account()) + ":" + a.address();
    }

    /** Device cookies are stored by digest, so reading Redis does not hand out cookies that sign in. */
    private static String deviceKey(Attempt a) {
        return PREFIX + "device:" + (a.device() == null ? "none" : digest(a.device()));
    }

    private static String deviceCountKey(Attempt a) {
        return PREFIX + "fail:device:" + (a.device() == null ? "none" : digest(a.device()));
    }

    /** Account names are typed by anyone: keys carry a fixed-length digest, never the raw name. */
    static String digest(String value) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ms(Duration d) {
        return Long.toString(Math.max(1, d.toMillis()));
    }
}

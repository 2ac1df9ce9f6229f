package dev.capstan.it.access;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.FromAddress;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import dev.capstan.it.support.Trail;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.capstan.it.support.PortalClient.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, lockout, sign-out and sessions, over HTTP against the server on PostgreSQL. */
class SignInIT extends PortalTest {

    private static final String REFUSED = "Sign-in failed: the user name or password is wrong, or the account is locked.";
    private static final AtomicInteger USERS = new AtomicInteger();

    private PortalClient client() {
        return new PortalClient(URI.create(base.toString()));
    }

    /** A fresh user per test, so tests do not lock each other out. */
    private static String newUser(String password, GlobalRole... roles) {
        String username = "signin-user-" + USERS.incrementAndGet();
        TestDatabase.createUser(username, password, roles);
        return username;
    }

    @Test
    void theRightPasswordOpensTheDashboard() throws Exception {
        String alice = newUser("alice-password-1", GlobalRole.USER);
        PortalClient browser = client();

        HttpResponse<String> signedIn = browser.signIn(alice, "alice-password-1");
        assertEquals(302, signedIn.statusCode());
        assertTrue(location(signedIn).endsWith("/index.xhtml"), location(signedIn));

        HttpResponse<String> dashboard = browser.get("/index.xhtml");
        assertEquals(200, dashboard.statusCode());
        assertTrue(dashboard.body().contains("Welcome, " + alice), "the dashboard greets the user");
    }

    @Test
    void aWrongPasswordIsRefusedWithTheSameWordsAsAnUnknownUser() throws Exception {
        String bob = newUser("bob-password-12", GlobalRole.USER);

        HttpResponse<String> wrongPassword = client().signIn(bob, "not-his-password");
        HttpResponse<String> unknownUser = client().signIn("nobody-" + bob, "not-his-password");

        assertEquals(200, wrongPassword.statusCode());
        assertTrue(wrongPassword.body().contains(REFUSED));
        assertTrue(unknownUser.body().contains(REFUSED), "an unknown user gets the very same message");
        assertEquals(302, client().get("/index.xhtml").statusCode(), "still not signed in");
    }

    @Test
    void fiveFailuresRefuseTheNameFromThatAddressButNotTheRealUserElsewhere() throws Exception {
        String carol = newUser("carol-password1", GlobalRole.USER);
        PortalClient guesser = client();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertTrue(guesser.signIn(carol, "wrong-password-" + attempt).body().contains(REFUSED));
        }

        HttpResponse<String> guesserWithTheRightPassword = guesser.signIn(carol, "carol-password1");
        assertEquals(200, guesserWithTheRightPassword.statusCode(), "from the guesser's address the name is refused");
        assertTrue(guesserWithTheRightPassword.body().contains(REFUSED), "and the message does not say more");

        FromAddress.Answer carolAtHerDesk = new FromAddress("127.0.0.2", URI.create(base.toString())).signIn(carol, "carol-password1");
        assertEquals(302, carolAtHerDesk.status(), "carol, at another address, still signs in: " + carolAtHerDesk.body());
        assertTrue(carolAtHerDesk.header("Location").endsWith("/index.xhtml"));
    }

    @Test
    void failuresFromManyAddressesLockTheAccountForEveryoneUntilTheLockRunsOut() throws Exception {
        String erin = newUser("erin-password-1", GlobalRole.USER);
        failedSignIns(erin, 49); // as if 49 guessers at 49 addresses had tried before
        URI portal = URI.create(base.toString());

        assertTrue(new FromAddress("127.0.0.4", portal).signIn(erin, "the-fiftieth-guess").body().contains(REFUSED));
        FromAddress erinAtHerDesk = new FromAddress("127.0.0.5", portal);
        FromAddress.Answer whileLocked = erinAtHerDesk.signIn(erin, "erin-password-1");
        assertEquals(200, whileLocked.status(), "the right password does not open a locked account");
        assertTrue(whileLocked.body().contains(REFUSED), "and the message does not say more");

        // The test server locks for 4 seconds instead of 15 minutes (capstan.signin.lockout-duration).
        Thread.sleep(4_500);
        FromAddress.Answer afterTheLock = erinAtHerDesk.signIn(erin, "erin-password-1");
        assertEquals(302, afterTheLock.status(), "the lock ran out");
    }

    @Test
    void twentyFailuresFromOneAddressRefuseItForEveryNameAndSaySo() throws Exception {
        String frank = newUser("frank-password-1", GlobalRole.USER);
        URI portal = URI.create(base.toString());
        ExecutorService guessers = Executors.newFixedThreadPool(4);
        try {
            List<Future<FromAddress.Answer>> guesses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "guessed-name-" + i + "-" + frank;
                guesses.add(guessers.submit(() -> new FromAddress("127.0.0.3", portal).signIn(name, "a-guessed-password")));
            }
            for (Future<FromAddress.Answer> guess : guesses) {
                assertTrue(guess.get().body().contains(REFUSED));
            }
        } finally {
            guessers.shutdownNow();
        }

        FromAddress.Answer frankAtTheSameAddress = new FromAddress("127.0.0.3", portal).signIn(frank, "frank-password-1");
        assertEquals(200, frankAtTheSameAddress.status());
        assertTrue(frankAtTheSameAddress.body().contains("Too many failed sign-ins came from your network address. Try again in a minute."),
                frankAtTheSameAddress.body());
        assertEquals(302, client().signIn(frank, "frank-password-1").statusCode(), "other addresses are not held up");
        assertTrue(Trail.await("SELECT count(*) FROM audit_entry WHERE action = 'signin.throttled' AND client_address = ? AND outcome = 'DENIED'",
                "127.0.0.3") != null, "the refusals are audited with the address");
    }

    /**
     * The time of an answer must not tell a locked account (a user name that exists) from an unknown
     * one: both cost a password hash. Before, a locked account answered in a tenth of the time. A
     * ratio of medians of interleaved attempts, so the machine's load touches both alike.
     */
    @Test
    void aLockedAccountTakesAsLongToRefuseAsAnUnknownUser() throws Exception {
        String dave = newUser("dave-password-12", GlobalRole.USER);
        try (var connection = TestDatabase.connect();
             var lock = connection.prepareStatement("UPDATE capstan_user SET locked_until = now() + interval '1 hour' WHERE username = ?")) {
            lock.setString(1, dave);
            lock.executeUpdate();
        }
        PortalClient attacker = client();
        long[] locked = new long[3];
        long[] unknown = new long[3];
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertTrue(attacker.signIn(dave, "wrong-password-again").body().contains(REFUSED));
            locked[i] = System.nanoTime() - start;
            start = System.nanoTime();
            assertTrue(attacker.signIn("nobody-" + dave, "wrong-password-again").body().contains(REFUSED));
            unknown[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(locked);
        java.util.Arrays.sort(unknown);
        assertTrue(locked[1] * 2 >= unknown[1], "locked " + locked[1] / 1_000_000 + " ms, unknown " + unknown[1] / 1_000_000 + " ms");
    }

    private static void failedSignIns(String username, int count) throws SQLException {
        try (var connection = TestDatabase.connect();
             var update = connection.prepareStatement("UPDATE capstan_user SET failed_sign_ins = ? WHERE username = ?")) {
            update.setInt(1, count);
            update.setString(2, username);
            update.executeUpdate();
        }
    }

    @Test
    void changingThePasswordSignsOutTheOtherSessionsAndSaysSo() throws Exception {
        String grace = newUser("grace-password-12", GlobalRole.USER);
        PortalClient laptop = client();
        PortalClient phone = client();
        assertEquals(302, laptop.signIn(grace, "grace-password-12").statusCode());
        assertEquals(302, phone.signIn(grace, "grace-password-12").statusCode());

        HttpResponse<String> changed = laptop.submit("/account/password.xhtml", "password", java.util.Map.of("currentPassword",
                "grace-password-12", "newPassword", "violet-harbour-canoe-58", "confirmation", "violet-harbour-canoe-58"), "change");
        assertEquals(302, changed.statusCode(), changed.body());

        HttpResponse<String> dashboard = laptop.get("/index.xhtml");
        assertEquals(200, dashboard.statusCode(), "the session that changed the password stays");
        assertTrue(dashboard.body().contains("Your password has been changed. Your other session (another browser or device) was signed out."),
                dashboard.body());
        HttpResponse<String> onThePhone = phone.get("/index.xhtml");
        assertEquals(302, onThePhone.statusCode(), "the other session is over");
        assertTrue(location(onThePhone).contains("/signin.xhtml"), location(onThePhone));
    }

    /** Before, one failed sign-in left /, /projects/ and /audit/ answering an empty page until /signin.xhtml was typed. */
    @Test
    void afterAFailedSignInPagesStillLeadToSignInAndSigningInOpensThePageAskedFor() throws Exception {
        String kate = newUser("kate-password-12", GlobalRole.USER);
        PortalClient browser = client();
        assertTrue(browser.signIn(kate, "not-her-password").body().contains(REFUSED));

        for (String page : List.of("/", "/projects/", "/audit/")) {
            HttpResponse<String> answer = browser.get(page);
            assertEquals(302, answer.statusCode(), page + " answered " + answer.statusCode() + ": " + answer.body());
            assertTrue(location(answer).endsWith("/signin.xhtml"), page + " leads to " + location(answer));
        }
        browser.get("/projects/?q=kate&sort=name");
        HttpResponse<String> signedIn = browser.signIn(kate, "kate-password-12");
        assertEquals(302, signedIn.statusCode());
        assertTrue(location(signedIn).endsWith("/projects/?q=kate&sort=name"), "on to the page asked for: " + location(signedIn));
        assertEquals(302, client().signIn(kate, "kate-password-12").statusCode());
    }

    @Test
    void aDisabledUserCannotSignIn() throws Exception {
        String dave = newUser("dave-password-1", GlobalRole.USER);
        try (var connection = TestDatabase.connect();
             var disable = connection.prepareStatement("UPDATE capstan_user SET enabled = false WHERE username = ?")) {
            disable.setString(1, dave);
            disable.executeUpdate();
        }
        assertTrue(client().signIn(dave, "dave-password-1").body().contains(REFUSED));
    }

    @Test
    void anAuditorIsRefusedTheUsersPage() throws Exception {
        String erin = newUser("erin-password-1", GlobalRole.AUDITOR);
        PortalClient browser = client();
        browser.signIn(erin, "erin-password-1");

        HttpResponse<String> users = browser.get("/admin/users.xhtml");
        assertEquals(403, users.statusCode());
        assertTrue(users.body().contains("Not allowed"), "our own 403 page, no stack trace");
        // No stack trace (PrimeFaces' own scripts mention "Exception" in names, so look for a trace's shape).
        assertFalse(users.body().contains("Exception:") || users.body().contains("Caused by"), users.body());
    }

    @Test
    void signingOutEndsTheServerSession() throws Exception {
        String frank = newUser("frank-password1", GlobalRole.USER);
        PortalClient browser = client();
        browser.signIn(frank, "frank-password1");
        String session = browser.sessionId().orElseThrow();
        assertEquals(200, browser.get("/index.xhtml").statusCode());

        HttpResponse<String> signedOut = browser.signOut();
        assertEquals(302, signedOut.statusCode());
        assertTrue(location(signedOut).contains("/signin.xhtml"));

        PortalClient replay = client();
        replay.useSessionId(session);
        HttpResponse<String> withOldCookie = replay.get("/index.xhtml");
        assertEquals(302, withOldCookie.statusCode(), "the old session id no longer signs anybody in");
        assertTrue(location(withOldCookie).contains("/signin.xhtml"));
    }

    @Test
    void theSessionIdChangesAtSignIn() throws Exception {
        String grace = newUser("grace-password1", GlobalRole.USER);
        PortalClient browser = client();
        browser.get("/signin.xhtml");
        String beforeSignIn = browser.sessionId().orElseThrow();

        browser.signIn(grace, "grace-password1");
        String afterSignIn = browser.sessionId().orElseThrow();
        assertNotEquals(beforeSignIn, afterSignIn);

        PortalClient attacker = client();
        attacker.useSessionId(beforeSignIn);
        assertEquals(302, attacker.get("/index.xhtml").statusCode(), "a session id planted before sign-in is worth nothing");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> signInPage = client().get("/signin.xhtml");
        String cookie = signInPage.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("CAPSTAN_SESSION=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
    }
}

package io.earshot.reply.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The dashboard tests' staff: two responders and a supervisor, for form login and its session cookie. */
public final class TestUsers {

    public static final String ANA = "ana";
    public static final String BEN = "ben";
    public static final String SUE = "sue";
    public static final String PASSWORD = "correct horse battery";

    private static final Map<String, String> ROLES = Map.of(ANA, "responder", BEN, "responder", SUE, "supervisor");

    private TestUsers() {
    }

    static SecurityIdentity identity(String user) {
        String role = ROLES.get(user);
        if (role == null) {
            throw new AuthenticationFailedException();
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user)).addRole(role).build();
    }

    @ApplicationScoped
    public static class Passwords implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return Uni.createFrom().item(() -> {
                if (!PASSWORD.equals(new String(request.getPassword().getPassword()))) {
                    throw new AuthenticationFailedException();
                }
                return identity(request.getUsername());
            });
        }
    }

    /** Restores the identity from the session cookie, as the real user store does. */
    @ApplicationScoped
    public static class Sessions implements IdentityProvider<TrustedAuthenticationRequest> {
        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
            return Uni.createFrom().item(() -> identity(request.getPrincipal()));
        }
    }
}

package se.uppfoljningsliggaren.deploy.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import se.uppfoljningsliggaren.command.access.Caller;
import se.uppfoljningsliggaren.command.access.CallerSource;

/** A demo user of the local mode, signed in by HTTP Basic, as the caller it is. */
final class LocalUserDetails extends User implements CallerSource {

    private final Caller caller;

    LocalUserDetails(String username, LedgerSecurityProperties.LocalUser user) {
        super(username, user.password(), user.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        this.caller = new Caller(username, user.name() != null ? user.name() : username, user.roles(),
                new java.util.TreeSet<>(user.namnder() == null ? java.util.Set.of() : user.namnder()), "local");
    }

    @Override
    public Caller caller() {
        return caller;
    }
}

package dev.natconsole.security.internal;

import java.util.List;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ConsoleUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final LoginThrottle throttle;

    ConsoleUserDetailsService(UserRepository users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        if (throttle.locked(username)) {
            throw new LockedException("Too many failed sign-ins; try again in 15 minutes");
        }
        UserEntity user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
        return User.withUsername(user.getUsername()).password(user.getPasswordHash())
                .authorities(List.of(new SimpleGrantedAuthority(user.getRole().authority())))
                .disabled(!user.isEnabled()).build();
    }
}

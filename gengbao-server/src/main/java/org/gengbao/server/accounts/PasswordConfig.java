package org.gengbao.server.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, for the server and the command line alike. */
@Configuration
class PasswordConfig {

    /** Argon2id with Spring Security's current parameters (16 MiB memory, 2 iterations, 16-byte salt). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }
}

package org.gengbao.server.accounts;

import org.gengbao.server.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Who may call what. The API is stateless (bearer tokens, no session, so no CSRF); login and health are open, as are the
 * OpenAPI description and its browsable UI (documentation of the public contract) and the web map's configuration
 * (base map and county extent, needed before login); every other {@code /api/**}
 * endpoint needs a valid token, and roles are checked per endpoint ({@code @PreAuthorize}). Failures are
 * problem+json: 401 {@code AUTHENTICATION_REQUIRED}, {@code TOKEN_EXPIRED} or {@code TOKEN_INVALID}; 403 {@code
 * FORBIDDEN}.
 */
@Configuration
@EnableMethodSecurity
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfig {

    /**
     * No form or basic login exists; this bean only keeps Spring Boot from creating a default user with a generated
     * password (accounts are the {@code account} table, checked by {@link Logins}).
     */
    @Bean
    org.springframework.security.core.userdetails.UserDetailsService noUserDetails() {
        return username -> {
            throw new org.springframework.security.core.userdetails.UsernameNotFoundException(username);
        };
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, BearerTokenFilter bearer) throws Exception {
        http.csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/auth/login")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/map/config")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/api/**", "/actuator/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                            Object why = request.getAttribute(BearerTokenFilter.PROBLEM);
                            if ("TOKEN_EXPIRED".equals(why)) {
                                ProblemWriter.write(
                                        request,
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        "TOKEN_EXPIRED",
                                        "登录已过期，请重新登录",
                                        "The login has expired; log in again");
                            } else if ("TOKEN_INVALID".equals(why)) {
                                ProblemWriter.write(
                                        request,
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        "TOKEN_INVALID",
                                        "登录凭据无效（账号可能已停用或令牌已注销），请重新登录",
                                        "The token is not valid (the account may be disabled or the token revoked);"
                                                + " log in again");
                            } else {
                                ProblemWriter.write(
                                        request,
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        "AUTHENTICATION_REQUIRED",
                                        "需要登录：请在请求头中提供 Authorization: Bearer 令牌",
                                        "Authentication required: send Authorization: Bearer TOKEN");
                            }
                        })
                        .accessDeniedHandler((request, response, ex) -> ProblemWriter.write(
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                "FORBIDDEN",
                                "当前账号的角色无权执行此操作",
                                "The role of this account does not allow this action")));
        return http.build();
    }
}

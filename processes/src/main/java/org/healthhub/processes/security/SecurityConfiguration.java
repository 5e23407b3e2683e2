package org.healthhub.processes.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import org.healthhub.processes.api.ApiAuthentication;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.RequestCacheConfigurer;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. {@code /engine-rest} and {@code /actuator}: HTTP Basic only (no session, so
 * nothing a cross-site page could ride on). {@code /api}: HTTP Basic or the webapp session, with a
 * CSRF token for unsafe requests that come with the session. {@code /operaton/**}: the webapps'
 * own login, session and CSRF filter. Everything else: login.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
  static final String CSRF_COOKIE = "HEALTHHUB-XSRF-TOKEN";
  static final String CSRF_HEADER = "X-HEALTHHUB-XSRF-TOKEN";
  private static final String API_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

  @Bean
  InitiatorGuard initiatorGuard() {
    return new InitiatorGuard();
  }

  @Bean
  RefusalUnwrapping refusalUnwrapping() {
    return new RefusalUnwrapping();
  }

  @Bean
  EngineUserAuthentication engineUserAuthentication(IdentityService identity, SecurityProperties properties) {
    return new EngineUserAuthentication(identity, Set.copyOf(properties.scrapeUsers()));
  }

  /** Outside the security chain, so even a refused login's error is scrubbed. */
  @Bean
  FilterRegistrationBean<EngineRestErrors> engineRestErrors() {
    FilterRegistrationBean<EngineRestErrors> registration = new FilterRegistrationBean<>(new EngineRestErrors());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Before login, so an oversized body is refused before anything reads it. */
  @Bean
  FilterRegistrationBean<RequestLimits> requestLimits(SecurityProperties properties) {
    FilterRegistrationBean<RequestLimits> registration = new FilterRegistrationBean<>(new RequestLimits(properties));
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http, IdentityService identity) throws Exception {
    basicOnly(http.securityMatcher(paths("/engine-rest/**")))
        .authorizeHttpRequests(requests -> errorPages(requests).anyRequest().authenticated())
        .addFilterAfter(new EngineRestIdentity(identity), AuthorizationFilter.class);
    return strictHeaders(http).build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, ProcessEngine engine, EngineUserAuthentication users) throws Exception {
    CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    tokens.setCookieName(CSRF_COOKIE);
    tokens.setHeaderName(CSRF_HEADER);
    tokens.setCookiePath("/");
    http.securityMatcher(paths("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"))
        .authorizeHttpRequests(requests -> errorPages(requests)
            .requestMatchers(PATHS.matcher(HttpMethod.GET, "/api/siwe/nonce")).permitAll()
            .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/siwe/login")).permitAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName("healthhub"))
        // No session management here: logins happen elsewhere (Tasklist, SIWE), and its fixation
        // guard would take every session request for a fresh login, renew the session id and the
        // CSRF token, and the browser's next unsafe call would arrive with the dead id (401).
        .sessionManagement(AbstractHttpConfigurer::disable)
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(RequestCacheConfigurer::disable)
        .csrf(csrf -> csrf.csrfTokenRepository(tokens).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .requireCsrfProtectionMatcher(unsafeWithSession()))
        .exceptionHandling(denied -> denied.accessDeniedHandler((request, response, refusal) -> ClientErrors.write(
            response, HttpServletResponse.SC_FORBIDDEN, "refused: a session request needs the " + CSRF_HEADER + " header")))
        .addFilterBefore(new WebappSession(engine.getName(), users), BasicAuthenticationFilter.class)
        .addFilterAfter(new ApiAuthentication(), AuthorizationFilter.class);
    return strictHeaders(http).build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain actuator(HttpSecurity http) throws Exception {
    basicOnly(http.securityMatcher(paths("/actuator/**")))
        .authorizeHttpRequests(requests -> errorPages(requests)
            .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
            .requestMatchers(paths("/actuator/prometheus")).hasAnyRole("ADMIN", "SCRAPER")
            .anyRequest().hasRole("ADMIN"));
    return strictHeaders(http).build();
  }

  /** The webapps bring their own login, CSRF filter and content security policy (with script nonces). */
  @Bean
  @Order(4)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    return basicOnly(http)
        .authorizeHttpRequests(requests -> errorPages(requests)
            .requestMatchers(paths("/", "/operaton/**", "/error", "/favicon.ico")).permitAll()
            .anyRequest().authenticated())
        .headers(headers -> headers
            .contentTypeOptions(HeadersConfigurer.ContentTypeOptionsConfig::disable)
            .cacheControl(HeadersConfigurer.CacheControlConfig::disable)
            .frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin)
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }

  /**
   * Paths matched on the whole path within the application: Spring's MVC matchers would see only
   * the part below a servlet's mapping, and {@code /engine-rest} and the webapps' APIs are servlets
   * of their own (Jersey), not Spring MVC's.
   */
  private static RequestMatcher paths(String... patterns) {
    return new OrRequestMatcher(Arrays.stream(patterns).map(PATHS::matcher).toArray(RequestMatcher[]::new));
  }

  /**
   * The error page a refusal forwards to keeps the refusal's status: the forward still matches the
   * original path, and the session login does not run again on it, so it would turn every 403 of a
   * session user into a 401.
   */
  private static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry errorPages(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    return requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
  }

  private static HttpSecurity basicOnly(HttpSecurity http) throws Exception {
    return http.httpBasic(basic -> basic.realmName("healthhub"))
        .sessionManagement(SecurityConfiguration::statelessKeepingWebappSession)
        .csrf(csrf -> csrf.disable());
  }

  /**
   * Spring keeps no login in the session, and leaves the session it finds alone: that session is the
   * webapps' (Operaton's login rotates its id itself). A browser that holds Basic credentials sends
   * them with every request, and Spring's default fixation protection then gave the session a new id
   * on each one, so of two requests in flight one came with an id already dropped, and Operaton wrote
   * a signed-out session back: the next reload showed the login page.
   */
  private static void statelessKeepingWebappSession(SessionManagementConfigurer<HttpSecurity> session) {
    session.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(fixation -> fixation.none());
  }

  private static HttpSecurity strictHeaders(HttpSecurity http) throws Exception {
    return http.headers(headers -> headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
  }

  /**
   * A token is asked only where a browser's cookie alone would authenticate: an unsafe method with
   * a session and without an Authorization header of its own (a cross-site page cannot set one).
   */
  private static RequestMatcher unsafeWithSession() {
    Set<String> safe = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    return request -> !safe.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && request.getSession(false) != null;
  }
}

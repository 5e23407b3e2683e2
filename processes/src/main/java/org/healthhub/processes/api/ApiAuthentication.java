package org.healthhub.processes.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the user Spring Security signed in (HTTP Basic or the webapp session) to the {@code /api}
 * controllers as the request attribute {@link #USER}, and issues the CSRF cookie a browser client
 * of the session echoes back in {@code X-HEALTHHUB-XSRF-TOKEN}.
 */
public final class ApiAuthentication extends OncePerRequestFilter {

  /** The request attribute holding the authenticated user id. */
  public static final String USER = "healthhub.user";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      request.setAttribute(USER, authentication.getName());
    }
    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
      // Spring defers the token; reading it writes the cookie.
      token.getToken();
    }
    chain.doFilter(request, response);
  }
}

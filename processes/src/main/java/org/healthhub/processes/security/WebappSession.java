package org.healthhub.processes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.operaton.bpm.webapp.impl.security.auth.Authentication;
import org.operaton.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts the Operaton webapp session on {@code /api}: whoever signed in to Tasklist (or by SIWE,
 * which writes the same session entry) is the API user too. A request carrying its own
 * {@code Authorization} header is left to HTTP Basic.
 */
final class WebappSession extends OncePerRequestFilter {

  private final String engineName;
  private final EngineUserAuthentication users;

  WebappSession(String engineName, EngineUserAuthentication users) {
    this.engineName = engineName;
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
      Authentication signedIn = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
      if (signedIn != null && signedIn.getIdentityId() != null) {
        SecurityContextHolder.getContext().setAuthentication(users.signedIn(signedIn.getIdentityId()));
      }
    }
    chain.doFilter(request, response);
  }
}

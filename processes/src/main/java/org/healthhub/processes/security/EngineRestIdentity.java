package org.healthhub.processes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.operaton.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs an {@code /engine-rest} request as its signed-in user: the engine's authorization checks
 * see the user and the user's groups for exactly this request, and nobody afterwards (the
 * identity is per thread and the container reuses threads).
 */
final class EngineRestIdentity extends OncePerRequestFilter {

  private final IdentityService identity;

  EngineRestIdentity(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new IllegalStateException("the security chain let an unauthenticated engine request through");
    }
    String user = authentication.getName();
    List<String> groups = EngineUserAuthentication.groupsOf(identity, user);
    identity.setAuthentication(user, groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}

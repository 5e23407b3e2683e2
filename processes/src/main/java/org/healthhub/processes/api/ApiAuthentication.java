package org.healthhub.processes.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.operaton.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for {@code /api/**} against the engine's users (the same accounts as Tasklist): the
 * signed-in user id is put in the request attribute {@link #USER}; anything else gets 401.
 */
public final class ApiAuthentication extends OncePerRequestFilter {

  /** The request attribute holding the authenticated user id. */
  public static final String USER = "healthhub.user";

  private final IdentityService identityService;

  public ApiAuthentication(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String[] credentials = decode(header.substring(6).trim());
      if (credentials != null && identityService.checkPassword(credentials[0], credentials[1])) {
        request.setAttribute(USER, credentials[0]);
        chain.doFilter(request, response);
        return;
      }
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"healthhub\"");
    response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "sign in with your HealthHub user");
  }

  private static String[] decode(String base64) {
    try {
      String text = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
      int colon = text.indexOf(':');
      return colon <= 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

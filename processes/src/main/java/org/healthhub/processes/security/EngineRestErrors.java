package org.healthhub.processes.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the engine's internals out of {@code /engine-rest} error answers: the engine names the
 * exception class in {@code type} and a server error's message may quote code. A client error keeps
 * its message with qualified class names cut out; a server error's message is replaced by an
 * incident id, logged with the request beside the engine's own log of the failure.
 */
final class EngineRestErrors extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);
  private static final Pattern QUALIFIED_CLASS = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");
  /** The long poll answers asynchronously; a buffered response would swallow its late answer. */
  private static final String FETCH_AND_LOCK = "/engine-rest/external-task/fetchAndLock";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().equals(request.getContextPath() + FETCH_AND_LOCK);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, buffered);
    } finally {
      if (buffered.getStatus() >= 400 && buffered.getContentSize() > 0) {
        rewrite(request, buffered);
      }
      buffered.copyBodyToResponse();
    }
  }

  private static void rewrite(HttpServletRequest request, ContentCachingResponseWrapper response) throws IOException {
    int status = response.getStatus();
    String message;
    JsonNode original = parse(response.getContentAsByteArray());
    if (status >= 500) {
      String incident = UUID.randomUUID().toString();
      // The engine has logged the failure itself; its message may quote variable values, so it is not repeated here.
      LOG.warn("engine REST answered {} to {} {} (incident {})", status, request.getMethod(), request.getRequestURI(),
          incident);
      message = "the engine could not handle the request (incident " + incident + ")";
    } else {
      String text = original == null ? "" : original.path("message").asText("");
      message = QUALIFIED_CLASS.matcher(text).replaceAll("[internal]");
    }
    ObjectNode body = ClientErrors.body(status, message);
    response.resetBuffer();
    response.setContentType("application/json");
    response.getOutputStream().write(ClientErrors.JSON.writeValueAsBytes(body));
  }

  private static JsonNode parse(byte[] content) {
    try {
      return ClientErrors.JSON.readTree(content);
    } catch (IOException e) {
      return null;
    }
  }
}

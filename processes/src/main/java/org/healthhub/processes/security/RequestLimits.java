package org.healthhub.processes.security;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized input before anything parses it: a body above {@code maxBodyBytes} gets 413;
 * an {@code /engine-rest} JSON body with more than {@code maxFields} variables in one variable map
 * (a submitted form's fields) or a string longer than {@code maxValueChars} (a form value) gets 400. Each answer says which limit and by how much.
 * Form posts and multipart uploads are left to the container's own limits.
 */
final class RequestLimits extends OncePerRequestFilter {

  /** Where the engine's REST API takes variables: start, complete, submit-form, correlate, modify. */
  private static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "processVariables",
      "localVariables", "correlationKeys", "localCorrelationKeys");

  private final SecurityProperties limits;

  RequestLimits(SecurityProperties limits) {
    this.limits = limits;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limits.maxBodyBytes()) {
      tooLarge(response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(limits.maxBodyBytes() + 1);
    if (body.length > limits.maxBodyBytes()) {
      tooLarge(response);
      return;
    }
    if (request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/") && isJson(request)) {
      String refusal = refusalOf(body);
      if (refusal != null) {
        ClientErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, refusal);
        return;
      }
    }
    chain.doFilter(new BufferedBody(request, body), response);
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    ClientErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
        "the request body exceeds " + limits.maxBodyBytes() + " bytes");
  }

  private String refusalOf(byte[] body) {
    JsonNode tree;
    try {
      tree = ClientErrors.JSON.readTree(body);
    } catch (IOException e) {
      return null; // not JSON after all: the engine answers that itself
    }
    int[] fields = {0};
    int[] longest = {0};
    walk(tree, fields, longest);
    if (fields[0] > limits.maxFields()) {
      return "the request carries " + fields[0] + " variables in one map, at most " + limits.maxFields() + " are accepted";
    }
    if (longest[0] > limits.maxValueChars()) {
      return "a value of " + longest[0] + " characters exceeds the limit of " + limits.maxValueChars();
    }
    return null;
  }

  private static void walk(JsonNode node, int[] fields, int[] longest) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      longest[0] = Math.max(longest[0], node.textValue().length());
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (VARIABLE_MAPS.contains(field.getKey()) && field.getValue().isObject()) {
          fields[0] = Math.max(fields[0], field.getValue().size());
        }
        walk(field.getValue(), fields, longest);
      }
    } else if (node.isArray()) {
      node.forEach(element -> walk(element, fields, longest));
    }
  }

  private static boolean isJson(HttpServletRequest request) {
    return request.getContentType() != null && request.getContentType().contains("json");
  }

  /** The request again, its body served from memory. */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already in memory");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
          encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}

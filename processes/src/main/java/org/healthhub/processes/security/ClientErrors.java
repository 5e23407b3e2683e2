package org.healthhub.processes.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The one shape of an error this app's filters answer: status, reason phrase and a message for people. */
final class ClientErrors {

  static final ObjectMapper JSON = new ObjectMapper();

  private ClientErrors() {}

  static ObjectNode body(int status, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("status", status);
    HttpStatus known = HttpStatus.resolve(status);
    body.put("error", known == null ? "Error" : known.getReasonPhrase());
    body.put("message", message);
    return body;
  }

  static void write(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getOutputStream().write(JSON.writeValueAsBytes(body(status, message)));
  }
}

package org.healthhub.processes.siwe;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.operaton.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-In with Ethereum for patients and buyers: fetch a nonce, have the wallet sign the EIP-4361
 * message with it ({@code personal_sign}), post both. Success opens the same session a Tasklist
 * login does (webapps and {@code /api}).
 */
@RestController
class SiweController {

  record LoginRequest(String message, String signature) {}

  private final SiweLogin login;
  private final ProcessEngine engine;

  SiweController(SiweLogin login, ProcessEngine engine) {
    this.login = login;
    this.engine = engine;
  }

  @Operation(summary = "A fresh single-use nonce for a SIWE message")
  @GetMapping("/api/siwe/nonce")
  Map<String, String> nonce() {
    return Map.of("nonce", login.nonce());
  }

  @Operation(summary = "Logs in by a signed SIWE message (patients and buyers); opens a session")
  @PostMapping("/api/siwe/login")
  ResponseEntity<Map<String, String>> login(@RequestBody LoginRequest request, HttpServletRequest http) {
    if (request.message() == null || request.signature() == null) {
      return ResponseEntity.badRequest().body(Map.of("message", "post the signed 'message' and its 'signature'"));
    }
    String user;
    try {
      user = login.verify(request.message(), request.signature());
    } catch (SiweException e) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", e.getMessage()));
    }
    HttpSession session = http.getSession(true);
    // A new session id at login, so an id planted before login is worth nothing after it.
    http.changeSessionId();
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    authentications.addOrReplace(AuthenticationUtil.createAuthentication(engine, user, null, null));
    AuthenticationUtil.updateSession(session, authentications);
    return ResponseEntity.ok(Map.of("user", user));
  }
}

package org.healthhub.processes.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.authorization.Groups;
import org.operaton.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks a user name and password against the engine's identity service (the accounts of Tasklist
 * and Admin) and grants one authority per engine group: {@code GROUP_<groupId>}, plus
 * {@code ROLE_ADMIN} for {@code operaton-admin} and {@code ROLE_SCRAPER} for the configured
 * metrics scrape users. The password is checked by the engine (salted hash), never kept here.
 */
public final class EngineUserAuthentication implements AuthenticationProvider {

  /** Authority prefix of an engine group membership. */
  public static final String GROUP = "GROUP_";

  private final IdentityService identity;
  private final Set<String> scrapeUsers;

  public EngineUserAuthentication(IdentityService identity, Set<String> scrapeUsers) {
    this.identity = identity;
    this.scrapeUsers = Set.copyOf(scrapeUsers);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isEmpty() || !(credentials instanceof String password)
        || !identity.checkPassword(user, password)) {
      throw new BadCredentialsException("unknown user or wrong password");
    }
    return signedIn(user);
  }

  /** The authentication of a user whose identity was proven some other way (a signed SIWE message). */
  public Authentication signedIn(String user) {
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authoritiesOf(user));
  }

  /** The engine groups of {@code user}, as the engine's authorization checks need them. */
  public static List<String> groupsOf(IdentityService identity, String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private List<GrantedAuthority> authoritiesOf(String user) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (String group : groupsOf(identity, user)) {
      authorities.add(new SimpleGrantedAuthority(GROUP + group));
      if (group.equals(Groups.OPERATON_ADMIN)) {
        authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
      }
    }
    if (scrapeUsers.contains(user)) {
      authorities.add(new SimpleGrantedAuthority("ROLE_SCRAPER"));
    }
    return authorities;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}

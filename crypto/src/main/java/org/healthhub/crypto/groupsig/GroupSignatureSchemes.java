package org.healthhub.crypto.groupsig;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.healthhub.crypto.groupsig.bbs04.Bbs04;
import org.healthhub.crypto.groupsig.cpy06.Cpy06;
import org.healthhub.crypto.groupsig.dl21.Dl21;
import org.healthhub.crypto.groupsig.dl21seq.Dl21Seq;
import org.healthhub.crypto.groupsig.gl19.Gl19;
import org.healthhub.crypto.groupsig.klap20.Klap20;
import org.healthhub.crypto.groupsig.ps16.Ps16;

/** Every scheme by name, for the command line and for configuration. */
public final class GroupSignatureSchemes {
  private static final Map<String, GroupSignatureScheme> BY_NAME =
      List.<GroupSignatureScheme>of(
              new Bbs04(),
              new Cpy06(),
              new Gl19(),
              new Ps16(),
              new Klap20(),
              new Dl21(),
              new Dl21Seq())
          .stream()
          .collect(Collectors.toUnmodifiableMap(s -> s.descriptor().name(), Function.identity()));

  private GroupSignatureSchemes() {}

  /** The scheme called {@code name}; an unknown name lists the known ones. */
  public static GroupSignatureScheme byName(String name) {
    GroupSignatureScheme scheme = BY_NAME.get(name);
    if (scheme == null) {
      throw new IllegalArgumentException("unknown scheme '" + name + "'; known: " + names());
    }
    return scheme;
  }

  public static List<String> names() {
    return BY_NAME.keySet().stream().sorted().toList();
  }
}

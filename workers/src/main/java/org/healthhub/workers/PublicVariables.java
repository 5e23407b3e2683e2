package org.healthhub.workers;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The guard every launcher applies before completing a task: process variables (kept in the
 * engine's tables and history) hold only public values, never a key, a data key or medical data.
 */
public final class PublicVariables {

  private PublicVariables() {}

  /**
   * Checks every variable against the allow-list.
   *
   * @throws NonPublicVariableException naming the first variable whose name has no public kind,
   *     or whose value does not have that kind's shape (the value itself is never echoed)
   */
  public static void check(Map<String, Object> variables) {
    variables.forEach(PublicVariables::checkOne);
  }

  private static void checkOne(String name, Object value) {
    PublicKind kind = kindOf(name)
        .orElseThrow(() -> new NonPublicVariableException("variable '" + name
            + "' is not of a public kind; names must end in one of " + Arrays.toString(suffixes())));
    if (!kind.accepts(value)) {
      String type = value == null ? "null" : value.getClass().getSimpleName();
      throw new NonPublicVariableException("variable '" + name + "' (" + type + ") does not have the shape of a " + kind);
    }
  }

  private static Optional<PublicKind> kindOf(String name) {
    return Arrays.stream(PublicKind.values())
        .filter(kind -> kind.names(name))
        .findFirst();
  }

  private static String[] suffixes() {
    return Arrays.stream(PublicKind.values()).map(PublicKind::suffix).toArray(String[]::new);
  }
}

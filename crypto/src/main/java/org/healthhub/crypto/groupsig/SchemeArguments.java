package org.healthhub.crypto.groupsig;

import org.healthhub.crypto.MalformedInputException;

/** Checks that a key, signature or join message handed to a scheme is one of its own. */
public final class SchemeArguments {
  private SchemeArguments() {}

  /**
   * {@code value} as the scheme's own class.
   *
   * @param what names the argument in the exception, e.g. "ps16 group key"
   * @throws MalformedInputException if {@code value} is null or belongs to another scheme
   */
  public static <T> T require(Class<T> type, Object value, String what)
      throws MalformedInputException {
    if (value == null) {
      throw new MalformedInputException(what + " is missing");
    }
    if (!type.isInstance(value)) {
      String scheme =
          value instanceof GroupKey k ? k.scheme()
              : value instanceof ManagerKey k ? k.scheme()
              : value instanceof MemberKey k ? k.scheme()
              : value instanceof GroupSignature s ? s.scheme()
              : value.getClass().getSimpleName();
      throw new MalformedInputException(what + " expected, got one of " + scheme);
    }
    return type.cast(value);
  }

  /**
   * Checks a join message's phase.
   *
   * @throws MalformedInputException if the message is missing or at another phase
   */
  public static JoinMessage requirePhase(JoinMessage message, int phase, String what)
      throws MalformedInputException {
    if (message == null) {
      throw new MalformedInputException(what + ": a join message of phase " + phase + " is missing");
    }
    if (message.phase() != phase) {
      throw new MalformedInputException(
          what + ": expected a join message of phase " + phase + ", got " + message.phase());
    }
    return message;
  }
}

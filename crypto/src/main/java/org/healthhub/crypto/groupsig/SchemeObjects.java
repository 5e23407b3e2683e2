package org.healthhub.crypto.groupsig;

import org.healthhub.crypto.MalformedInputException;

/** Narrows the interface types a scheme receives (keys, signatures) to the scheme's own classes. */
public final class SchemeObjects {
  private SchemeObjects() {}

  /**
   * {@code value} as a {@code type}.
   *
   * @param what names the expected value in the message, e.g. "bbs04 group key"
   * @throws MalformedInputException if {@code value} is null or of another class (another
   *     scheme's key, say)
   */
  public static <T> T require(Class<T> type, Object value, String what)
      throws MalformedInputException {
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    String actual = value == null ? "null" : value.getClass().getSimpleName();
    throw new MalformedInputException(what + " expected, got " + actual);
  }
}

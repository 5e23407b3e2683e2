package org.healthhub.crypto.groupsig.codec;

import org.healthhub.crypto.MalformedInputException;

/**
 * pygroupsig writes a Python {@code str} field as {@code "str_" + value} and reads back the text
 * between the first and the second underscore. Values are hex strings, which never hold one.
 */
final class PythonStr {
  private static final String PREFIX = "str_";

  private PythonStr() {}

  static String encode(String value) {
    if (value.indexOf('_') >= 0) {
      throw new IllegalArgumentException("a str field cannot hold '_': pygroupsig would cut it");
    }
    return PREFIX + value;
  }

  static String decode(String what, String stored) throws MalformedInputException {
    if (!stored.startsWith(PREFIX)) {
      throw new MalformedInputException(what + " must start with '" + PREFIX + "'");
    }
    String value = stored.substring(PREFIX.length());
    if (value.indexOf('_') >= 0) {
      throw new MalformedInputException(what + " holds a second '_'");
    }
    return value;
  }
}

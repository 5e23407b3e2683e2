package org.healthhub.crypto.mcl;

import java.util.Base64;
import org.healthhub.crypto.MalformedInputException;

/** Strict standard base64 (RFC 4648 alphabet, padding required) with a typed rejection. */
final class Base64Codec {
  private Base64Codec() {}

  static byte[] decode(String type, String text) throws MalformedInputException {
    if (text == null) {
      throw new MalformedInputException(type + ": no base64 text given");
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(type + ": not valid base64 (" + e.getMessage() + ")", e);
    }
  }
}

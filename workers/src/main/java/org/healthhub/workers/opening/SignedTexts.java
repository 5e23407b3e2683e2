package org.healthhub.workers.opening;

/**
 * The text a doctor group-signs for a record root; the signing side defines it, the opening flow
 * needs it to tell a genuine signature from a forged one.
 */
@FunctionalInterface
public interface SignedTexts {
  String signedText(byte[] root, String scheme, String groupId);
}

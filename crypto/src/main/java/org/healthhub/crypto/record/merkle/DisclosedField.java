package org.healthhub.crypto.record.merkle;

/**
 * One revealed leaf: its index among the record's sorted leaves, its path, its canonical JSON value
 * and its 32-byte salt.
 */
public record DisclosedField(int index, String path, String canonicalValue, byte[] salt) {
  public DisclosedField {
    salt = salt.clone();
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }
}

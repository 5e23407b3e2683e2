package org.healthhub.crypto.record;

final class MerkleBench {
  private MerkleBench() {}

  static void print() {}
}

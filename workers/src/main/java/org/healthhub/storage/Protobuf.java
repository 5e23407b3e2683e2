package org.healthhub.storage;

import java.io.ByteArrayOutputStream;

/** The few protobuf wire-format pieces dag-pb and UnixFS need: tags, varints, length prefixes. */
final class Protobuf {
  static final int VARINT = 0;
  static final int LENGTH_DELIMITED = 2;

  private Protobuf() {}

  static void writeTag(ByteArrayOutputStream out, int field, int wireType) {
    writeVarint(out, (field << 3) | wireType);
  }

  static void writeVarint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  static void writeBytesField(ByteArrayOutputStream out, int field, byte[] bytes) {
    writeTag(out, field, LENGTH_DELIMITED);
    writeVarint(out, bytes.length);
    out.writeBytes(bytes);
  }

  static void writeVarintField(ByteArrayOutputStream out, int field, long value) {
    writeTag(out, field, VARINT);
    writeVarint(out, value);
  }
}

package org.healthhub.storage;

import java.util.Arrays;

/** Reads protobuf fields from a dag-pb block; any malformation is a {@link BlobCorruptedException}. */
final class ProtobufReader {
  private final byte[] bytes;
  private final int end;
  private int position;

  ProtobufReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  private ProtobufReader(byte[] bytes, int from, int end) {
    this.bytes = bytes;
    this.position = from;
    this.end = end;
  }

  boolean hasMore() {
    return position < end;
  }

  /** Returns the next tag; field number is {@code tag >>> 3}, wire type {@code tag & 7}. */
  int readTag() throws BlobCorruptedException {
    return (int) readVarint();
  }

  long readVarint() throws BlobCorruptedException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= end) {
        throw new BlobCorruptedException("dag-pb block ends inside a varint");
      }
      int b = bytes[position++] & 0xFF;
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new BlobCorruptedException("dag-pb block holds a varint longer than 64 bits");
  }

  ProtobufReader readMessage() throws BlobCorruptedException {
    int length = readLength();
    ProtobufReader message = new ProtobufReader(bytes, position, position + length);
    position += length;
    return message;
  }

  byte[] readBytes() throws BlobCorruptedException {
    int length = readLength();
    byte[] out = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return out;
  }

  void skip(int wireType) throws BlobCorruptedException {
    switch (wireType) {
      case Protobuf.VARINT -> readVarint();
      case Protobuf.LENGTH_DELIMITED -> {
        int length = readLength();
        position += length;
      }
      default -> throw new BlobCorruptedException("dag-pb block uses wire type " + wireType);
    }
  }

  private int readLength() throws BlobCorruptedException {
    long length = readVarint();
    if (length > end - position) {
      throw new BlobCorruptedException("dag-pb field of " + length + " bytes overruns its block");
    }
    return (int) length;
  }
}

package org.healthhub.crypto.groupsig.gl19;

/** What {@link Gl19#blind} returns: the blinded signature and the key it is blinded to. */
public record Gl19Blinded(Gl19BlindSignature signature, Gl19BlindKey key) {
  @Override
  public String toString() {
    return "Gl19Blinded[key hidden]";
  }
}

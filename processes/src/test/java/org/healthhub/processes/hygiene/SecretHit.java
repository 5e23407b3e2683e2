package org.healthhub.processes.hygiene;

/**
 * One place a secret was found. Names the secret by its label only, never by its value.
 *
 * @param secret the label the secret was registered under
 * @param place where: {@code engine}, {@code log}, {@code blob} or {@code chain}
 * @param location inside the place: {@code TABLE.COLUMN}, a log line number, a CID, a transaction
 * @param encoding the form it was found in ({@code raw}, {@code hex}, {@code base64}, {@code text}, ...)
 */
public record SecretHit(String secret, String place, String location, String encoding) {

  @Override
  public String toString() {
    return secret + " in " + place + " " + location + " (" + encoding + ")";
  }
}

package org.healthhub.processes.siwe;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An EIP-4361 message as the wallet signed it. {@link #parse} accepts exactly the grammar of the
 * standard (header, address, optional statement, then the fields in their fixed order) and throws
 * {@link SiweException} naming the first line that does not fit.
 */
public record SiweMessage(String domain, String address, Optional<String> statement, String uri, String version,
    long chainId, String nonce, Instant issuedAt, Optional<Instant> expirationTime, Optional<Instant> notBefore) {

  private static final String HEADER = " wants you to sign in with your Ethereum account:";
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{8,}");

  public static SiweMessage parse(String text) throws SiweException {
    List<String> lines = List.of(text.split("\n", -1));
    Cursor at = new Cursor(lines);
    String header = at.next("the header");
    if (!header.endsWith(HEADER) || header.length() == HEADER.length()) {
      throw new SiweException("line 1 is not '<domain>" + HEADER + "'");
    }
    String domain = header.substring(0, header.length() - HEADER.length());
    String address = at.next("the address");
    if (!ADDRESS.matcher(address).matches()) {
      throw new SiweException("line 2 is not an Ethereum address");
    }
    at.blank();
    Optional<String> statement = Optional.empty();
    if (!at.peek().startsWith("URI: ")) {
      statement = Optional.of(at.next("the statement"));
      at.blank();
    }
    String uri = at.field("URI");
    String version = at.field("Version");
    long chainId = parseChainId(at.field("Chain ID"));
    String nonce = at.field("Nonce");
    if (!NONCE.matcher(nonce).matches()) {
      throw new SiweException("the nonce must be at least 8 letters or digits");
    }
    Instant issuedAt = instant("Issued At", at.field("Issued At"));
    Optional<Instant> expiration = optionalInstant(at, "Expiration Time");
    Optional<Instant> notBefore = optionalInstant(at, "Not Before");
    at.optionalField("Request ID");
    if (at.hasMore() && at.peek().equals("Resources:")) {
      at.next("Resources");
      while (at.hasMore() && at.peek().startsWith("- ")) {
        at.next("a resource");
      }
    }
    if (at.hasMore()) {
      throw new SiweException("unexpected line " + at.line() + ": the message must end after its fields");
    }
    return new SiweMessage(domain, address, statement, uri, version, chainId, nonce, issuedAt, expiration, notBefore);
  }

  private static long parseChainId(String value) throws SiweException {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new SiweException("Chain ID is not a number: " + value);
    }
  }

  private static Instant instant(String field, String value) throws SiweException {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new SiweException(field + " is not an RFC 3339 time: " + value);
    }
  }

  private static Optional<Instant> optionalInstant(Cursor at, String field) throws SiweException {
    Optional<String> value = at.optionalField(field);
    return value.isEmpty() ? Optional.empty() : Optional.of(instant(field, value.get()));
  }

  private static final class Cursor {
    private final List<String> lines;
    private int index;

    Cursor(List<String> lines) {
      this.lines = lines;
    }

    boolean hasMore() {
      return index < lines.size();
    }

    int line() {
      return index + 1;
    }

    String peek() {
      return hasMore() ? lines.get(index) : "";
    }

    String next(String what) throws SiweException {
      if (!hasMore()) {
        throw new SiweException("the message ends before " + what);
      }
      return lines.get(index++);
    }

    void blank() throws SiweException {
      if (!next("an empty line").isEmpty()) {
        throw new SiweException("line " + index + " must be empty");
      }
    }

    String field(String name) throws SiweException {
      String line = next("'" + name + ": '");
      if (!line.startsWith(name + ": ")) {
        throw new SiweException("line " + index + " must be '" + name + ": ...'");
      }
      return line.substring(name.length() + 2);
    }

    Optional<String> optionalField(String name) throws SiweException {
      if (!peek().startsWith(name + ": ")) {
        return Optional.empty();
      }
      return Optional.of(field(name));
    }
  }
}

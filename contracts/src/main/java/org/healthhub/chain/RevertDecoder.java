package org.healthhub.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** Maps revert data to the name of the custom error it encodes, from a contract's ABI. */
public final class RevertDecoder {
  private final Map<String, String> namesBySelector = new HashMap<>();

  private RevertDecoder(JsonNode abi) {
    namesBySelector.put(selector("Error(string)"), "Error");
    namesBySelector.put(selector("Panic(uint256)"), "Panic");
    for (JsonNode entry : abi) {
      if (!"error".equals(entry.path("type").asText())) {
        continue;
      }
      StringBuilder signature = new StringBuilder(entry.get("name").asText()).append('(');
      JsonNode inputs = entry.path("inputs");
      for (int i = 0; i < inputs.size(); i++) {
        signature.append(i == 0 ? "" : ",").append(inputs.get(i).get("type").asText());
      }
      namesBySelector.put(selector(signature.append(')').toString()), entry.get("name").asText());
    }
  }

  /** The decoder for DataHub's ABI, which the build places beside this class. */
  public static RevertDecoder forDataHub() {
    try (InputStream abi = RevertDecoder.class.getResourceAsStream("DataHub.abi")) {
      if (abi == null) {
        throw new IllegalStateException("DataHub.abi is missing from the classpath: the build did not compile the contract");
      }
      return new RevertDecoder(new ObjectMapper().readTree(abi));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The exception for this revert data; an unknown or empty selector is named {@code unknown:<data>}. */
  public ContractRevertedException decode(String revertData) {
    String data = revertData == null ? "0x" : revertData;
    String selector = data.length() >= 10 ? data.substring(0, 10).toLowerCase() : data;
    String name = namesBySelector.getOrDefault(selector, "unknown:" + selector);
    return new ContractRevertedException(name, data);
  }

  private static String selector(String signature) {
    return Numeric.toHexString(Hash.sha3(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII))).substring(0, 10);
  }
}

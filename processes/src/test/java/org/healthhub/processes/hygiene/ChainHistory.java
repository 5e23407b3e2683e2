package org.healthhub.processes.hygiene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Walks a chain over Ethereum JSON-RPC from block 0 to the head: every transaction's calldata and
 * every receipt log's data and topics, as lower-case hex without {@code 0x}.
 */
final class ChainHistory {

  @FunctionalInterface
  interface Visitor {
    void visit(String location, String hex);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI rpcUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private int nextId = 1;

  ChainHistory(URI rpcUrl) {
    this.rpcUrl = rpcUrl;
  }

  void forEachHex(Visitor visitor) throws IOException, InterruptedException {
    long head = Long.decode(call("eth_blockNumber").asText());
    long transactions = 0;
    for (long number = 0; number <= head; number++) {
      JsonNode block = call("eth_getBlockByNumber", "0x" + Long.toHexString(number), true);
      for (JsonNode tx : block.path("transactions")) {
        String hash = tx.path("hash").asText();
        transactions++;
        visitor.visit("tx " + hash + " calldata", strip(tx.path("input").asText()));
        for (JsonNode log : call("eth_getTransactionReceipt", hash).path("logs")) {
          String location = "tx " + hash + " log " + log.path("logIndex").asText();
          visitor.visit(location + " data", strip(log.path("data").asText()));
          for (JsonNode topic : log.path("topics")) {
            visitor.visit(location + " topic", strip(topic.asText()));
          }
        }
      }
    }
    if (transactions == 0) {
      throw new IllegalStateException("the chain at " + rpcUrl + " holds no transaction: nothing would be scanned");
    }
  }

  private JsonNode call(String method, Object... params) throws IOException, InterruptedException {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", nextId++).put("method", method);
    ArrayNode list = request.putArray("params");
    for (Object param : params) {
      list.add(JSON.valueToTree(param));
    }
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(rpcUrl).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode answer = JSON.readTree(response.body());
    if (answer.has("error")) {
      throw new IOException(method + " failed: " + answer.get("error"));
    }
    return answer.path("result");
  }

  private static String strip(String hex) {
    return (hex.startsWith("0x") ? hex.substring(2) : hex).toLowerCase();
  }
}

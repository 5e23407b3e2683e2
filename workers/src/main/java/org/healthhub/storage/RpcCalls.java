package org.healthhub.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One RPC exchange with timeouts, retries on connection failures and the node's errors typed. */
final class RpcCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HEADER_POLL_MILLIS = 100;
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final HttpClient http;
  private final Duration readTimeout;
  private final int maxAttempts;
  private final Duration initialBackoff;

  RpcCalls(HttpClient http, Duration readTimeout, int maxAttempts, Duration initialBackoff) {
    this.http = http;
    this.readTimeout = readTimeout;
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
  }

  Duration readTimeout() {
    return readTimeout;
  }

  /** Sends the request and returns the body of a 200 answer; {@code upload} is null without one. */
  InputStream send(HttpRequest.Builder request, UploadProgress upload, String what)
      throws StorageException {
    HttpRequest built = request.build();
    Duration backoff = initialBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        return exchange(built, upload, what);
      } catch (StorageException answeredOrTimedOut) {
        throw answeredOrTimedOut;
      } catch (IOException connectionFailure) {
        if (upload != null && upload.sourceFailure() != null) {
          throw new StorageException("reading the content to upload failed: "
              + upload.sourceFailure().getMessage(), upload.sourceFailure());
        }
        if (upload != null && upload.started()) {
          throw new StoreUnavailableException(what + ": the connection broke after "
              + upload.bytesSent() + " bytes were sent; retry with the content from its start",
              connectionFailure);
        }
        if (attempt == maxAttempts) {
          throw new StoreUnavailableException(what + ": cannot connect after " + attempt
              + " attempt(s): " + connectionFailure, connectionFailure);
        }
        sleep(backoff, what);
        backoff = backoff.multipliedBy(2);
      }
    }
  }

  private InputStream exchange(HttpRequest request, UploadProgress upload, String what)
      throws IOException {
    HttpResponse<Flow.Publisher<List<ByteBuffer>>> response =
        awaitHeaders(http.sendAsync(request, HttpResponse.BodyHandlers.ofPublisher()), upload, what);
    ResponseBodyStream body = new ResponseBodyStream(readTimeout, what);
    response.body().subscribe(body);
    if (response.statusCode() == 200) {
      return body;
    }
    String text;
    try (body) {
      text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
    }
    String message = nodeMessage(text);
    if (message.contains("timed out")) {
      throw new StoreTimeoutException(what + ": " + message);
    }
    throw new RpcErrorException(what, response.statusCode(), message);
  }

  /** Waits for the answer's headers while the request is sent, as long as it keeps moving. */
  private <T> HttpResponse<T> awaitHeaders(CompletableFuture<HttpResponse<T>> pending,
      UploadProgress upload, String what) throws IOException {
    long sentAt = System.nanoTime();
    while (true) {
      try {
        return pending.get(HEADER_POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        long lastMove = upload == null ? sentAt : Math.max(sentAt, upload.lastProgressNanos());
        if (System.nanoTime() - lastMove > readTimeout.toNanos()) {
          pending.cancel(true);
          throw new StoreTimeoutException(what + ": no answer within " + readTimeout.toMillis() + " ms");
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException connectionFailure) {
          throw connectionFailure;
        }
        throw new StorageException(what + " failed: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        pending.cancel(true);
        throw new StorageException(what + " was interrupted", e);
      }
    }
  }

  private static String nodeMessage(String body) {
    try {
      return JSON.readTree(body).path("Message").asText(body);
    } catch (IOException notJson) {
      return body;
    }
  }

  private static void sleep(Duration backoff, String what) throws StorageException {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException(what + " was interrupted while waiting to retry", e);
    }
  }
}

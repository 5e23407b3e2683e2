package org.healthhub.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP response body as an InputStream with a read timeout, which java.net.http lacks: a read
 * waiting longer than the timeout for the next bytes cancels the exchange and throws
 * {@link StoreTimeoutException}. One buffer list is requested at a time, so memory stays small.
 */
final class ResponseBodyStream extends BulkInputStream implements Flow.Subscriber<List<ByteBuffer>> {
  private static final Object END = new Object();

  private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
  private final Duration readTimeout;
  private final String what;
  private volatile Flow.Subscription subscription;
  private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
  private ByteBuffer current = ByteBuffer.allocate(0);
  private boolean ended;

  ResponseBodyStream(Duration readTimeout, String what) {
    this.readTimeout = readTimeout;
    this.what = what;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    arrivals.add(item);
  }

  @Override
  public void onError(Throwable error) {
    arrivals.add(error);
  }

  @Override
  public void onComplete() {
    arrivals.add(END);
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!current.hasRemaining()) {
      if (buffers.hasNext()) {
        current = buffers.next();
      } else if (ended || !awaitNextBuffers()) {
        return -1;
      }
    }
    int copied = Math.min(length, current.remaining());
    current.get(buffer, offset, copied);
    return copied;
  }

  @Override
  public void close() {
    ended = true;
    Flow.Subscription active = subscription;
    if (active != null) {
      active.cancel();
    }
  }

  @SuppressWarnings("unchecked")
  private boolean awaitNextBuffers() throws IOException {
    Object next;
    try {
      next = arrivals.poll(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new StorageException("interrupted while reading " + what, e);
    }
    if (next == null) {
      close();
      throw new StoreTimeoutException("no data for " + readTimeout.toMillis() + " ms from " + what);
    }
    if (next == END) {
      ended = true;
      return false;
    }
    if (next instanceof Throwable error) {
      ended = true;
      throw new StoreUnavailableException("the connection broke while reading " + what + ": " + error, error);
    }
    buffers = ((List<ByteBuffer>) next).iterator();
    subscription.request(1);
    return true;
  }
}

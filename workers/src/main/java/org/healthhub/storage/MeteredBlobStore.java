package org.healthhub.storage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.InputStream;

/**
 * Times every call of another store in {@value #TIMER}, tagged by operation and outcome
 * ({@code ok} or the exception's simple name). A get is timed until the stream is open, not while
 * the caller reads it. Behaviour and exceptions are the wrapped store's.
 */
public final class MeteredBlobStore implements BlobStore {

  public static final String TIMER = "healthhub.storage";

  private final BlobStore store;
  private final MeterRegistry meters;

  public MeteredBlobStore(BlobStore store, MeterRegistry meters) {
    this.store = store;
    this.meters = meters;
  }

  @FunctionalInterface
  private interface StoreCall<T> {
    T call() throws StorageException;
  }

  private <T> T timed(String operation, StoreCall<T> call) throws StorageException {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "ok";
    try {
      return call.call();
    } catch (StorageException | RuntimeException e) {
      outcome = e.getClass().getSimpleName();
      throw e;
    } finally {
      sample.stop(meters.timer(TIMER, "operation", operation, "outcome", outcome));
    }
  }

  @Override
  public StoredBlob put(InputStream content) throws StorageException {
    return timed("put", () -> store.put(content));
  }

  @Override
  public InputStream get(Cid cid) throws StorageException {
    return timed("get", () -> store.get(cid));
  }

  @Override
  public long size(Cid cid) throws StorageException {
    return timed("size", () -> store.size(cid));
  }

  @Override
  public boolean exists(Cid cid) throws StorageException {
    return timed("exists", () -> store.exists(cid));
  }

  @Override
  public void pin(Cid cid) throws StorageException {
    timed("pin", () -> {
      store.pin(cid);
      return null;
    });
  }

  @Override
  public void unpin(Cid cid) throws StorageException {
    timed("unpin", () -> {
      store.unpin(cid);
      return null;
    });
  }

  @Override
  public void close() {
    store.close();
  }
}

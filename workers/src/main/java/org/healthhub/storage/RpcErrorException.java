package org.healthhub.storage;

/** The node answered a call with an error other than a timeout; the message is the node's. */
public final class RpcErrorException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final String rpcMessage;

  public RpcErrorException(String call, int status, String rpcMessage) {
    super(call + " failed with HTTP " + status + ": " + rpcMessage);
    this.rpcMessage = rpcMessage;
  }

  /** The node's own error message. */
  public String rpcMessage() {
    return rpcMessage;
  }
}

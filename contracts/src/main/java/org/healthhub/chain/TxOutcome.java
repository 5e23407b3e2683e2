package org.healthhub.chain;

import java.math.BigInteger;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** What an idempotent gateway call did: sent a transaction (with its receipt), or found the work already done. */
public record TxOutcome(Optional<TransactionReceipt> receipt) {
  static TxOutcome sent(TransactionReceipt receipt) {
    return new TxOutcome(Optional.of(receipt));
  }

  static TxOutcome alreadyDone() {
    return new TxOutcome(Optional.empty());
  }

  public boolean wasSent() {
    return receipt.isPresent();
  }

  /** Gas used by the transaction, zero when nothing was sent. */
  public BigInteger gasUsed() {
    return receipt.map(TransactionReceipt::getGasUsed).orElse(BigInteger.ZERO);
  }
}

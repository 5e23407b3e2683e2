package org.healthhub.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.healthhub.chain.testing.TestBytes.random32;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

class ChainMetersTest extends DeployedDataHubTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private TransactionSender meteredHospital() {
    return new TransactionSender(f.anvil.web3j(), f.hospital, LocalAnvil.CHAIN_ID, RevertDecoder.forDataHub(), 10, 3_000,
        new ChainMeters(meters));
  }

  private String anchorCall() {
    return hub.anchorRecord(random32(), random32(), random32(), f.patients.get(0).getAddress()).encodeFunctionCall();
  }

  @Test
  void send_minedTransaction_recordsLatencyAndItsGasUsed() throws Exception {
    TransactionReceipt receipt = meteredHospital().send(f.address, anchorCall(), BigInteger.ZERO);

    assertThat(meters.get(ChainMeters.LATENCY).tag("status", "ok").timer().count()).isEqualTo(1);
    assertThat(meters.get(ChainMeters.GAS).tag("status", "ok").summary().totalAmount())
        .isEqualTo(receipt.getGasUsed().doubleValue()).isPositive();
  }

  @Test
  void send_revertedOnChain_recordedAsReverted() {
    byte[] root = random32();
    String anchorTwice = hub.anchorRecord(root, random32(), random32(), f.patients.get(0).getAddress()).encodeFunctionCall();
    TransactionSender sender = meteredHospital();

    assertThatThrownBy(() -> {
      sender.send(f.address, anchorTwice, BigInteger.ZERO);
      sender.sendWithGasLimit(f.address, anchorTwice, BigInteger.ZERO, BigInteger.valueOf(300_000));
    }).isInstanceOf(ContractRevertedException.class);

    assertThat(meters.get(ChainMeters.LATENCY).tag("status", "reverted").timer().count()).isEqualTo(1);
  }
}

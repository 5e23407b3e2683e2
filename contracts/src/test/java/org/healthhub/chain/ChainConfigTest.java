package org.healthhub.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.healthhub.chain.testing.AnvilExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;

@ExtendWith(AnvilExtension.class)
class ChainConfigTest {
  @Test
  void fromEnvironment_onlyUrl_defaultsToBaseSepolia() {
    ChainConfig config = ChainConfig.fromEnvironment(Map.of(ChainConfig.RPC_URL, "http://node"));

    assertThat(config.chainId()).isEqualTo(84532);
    assertThat(config.dataHubAddress()).isEmpty();
    assertThat(config.receiptPollMillis()).isEqualTo(1_000);
  }

  @Test
  void fromEnvironment_missingOrMalformed_throwsNamingTheVariable() {
    assertThatThrownBy(() -> ChainConfig.fromEnvironment(Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ChainConfig.RPC_URL);
    assertThatThrownBy(() -> ChainConfig.fromEnvironment(Map.of(ChainConfig.RPC_URL, "http://node", ChainConfig.CHAIN_ID, "base")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ChainConfig.CHAIN_ID);
    assertThatThrownBy(() -> ChainConfig.fromEnvironment(
        Map.of(ChainConfig.RPC_URL, "http://node", ChainConfig.DATAHUB_ADDRESS, "0x12")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ChainConfig.DATAHUB_ADDRESS);
    assertThatThrownBy(() -> ChainConfig.fromEnvironment(
        Map.of(ChainConfig.RPC_URL, "http://node", ChainConfig.RECEIPT_POLL_MILLIS, "0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ChainConfig.RECEIPT_POLL_MILLIS);
  }

  @Test
  void connection_configuredAddress_givesWorkingGateway(LocalAnvil anvil) throws Exception {
    Credentials admin = anvil.accounts().get(0);
    String address = DataHubGateway.deploy(anvil.web3j(), new TransactionSender(anvil.web3j(), admin, LocalAnvil.CHAIN_ID,
        RevertDecoder.forDataHub(), 10, 1_000), anvil.accounts().get(1).getAddress(), anvil.accounts().get(2).getAddress(), 60);
    ChainConfig config = ChainConfig.fromEnvironment(Map.of(ChainConfig.RPC_URL, anvil.rpcUrl(),
        ChainConfig.DATAHUB_ADDRESS, address, ChainConfig.RECEIPT_POLL_MILLIS, "10"));

    try (ChainConnection connection = ChainConnection.open(config, admin)) {
      DataHubGateway gateway = connection.gateway();
      assertThat(gateway.registerHospital(anvil.accounts().get(3).getAddress()).wasSent()).isTrue();
      assertThat(gateway.isHospital(anvil.accounts().get(3).getAddress())).isTrue();
    }
  }

  @Test
  void connection_noAddressConfigured_refusesGateway(LocalAnvil anvil) throws Exception {
    ChainConfig config = ChainConfig.fromEnvironment(Map.of(ChainConfig.RPC_URL, anvil.rpcUrl()));
    try (ChainConnection connection = ChainConnection.open(config, anvil.accounts().get(0))) {
      assertThatThrownBy(connection::gateway).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(ChainConfig.DATAHUB_ADDRESS);
    }
  }
}

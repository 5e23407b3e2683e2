package org.healthhub.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.healthhub.chain.testing.TestBytes.random32;

import java.math.BigInteger;
import java.util.List;
import org.healthhub.chain.generated.ReentrantWithdrawer;
import org.healthhub.chain.testing.AnvilExtension;
import org.healthhub.chain.testing.DataHubFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

@ExtendWith(AnvilExtension.class)
class ReentrancyTest {
  @Test
  void withdraw_reenteredFromReceive_failsAndKeepsTheCredit(LocalAnvil anvil) throws Exception {
    DataHubFixture f = DataHubFixture.deploy(anvil);
    String attacker = f.sender(f.stranger).deploy(
        ReentrantWithdrawer.BINARY + FunctionEncoder.encodeConstructor(List.of(new Address(f.address))), BigInteger.ZERO)
        .getContractAddress();
    ReentrantWithdrawer contract = ReentrantWithdrawer.load(attacker, anvil.web3j(),
        new ReadonlyTransactionManager(anvil.web3j(), f.stranger.getAddress()), new DefaultGasProvider());
    BigInteger amount = BigInteger.valueOf(5_000);
    long now = anvil.now();
    var requested = f.sender(f.stranger).send(attacker, contract.request(random32(), random32(), BigInteger.valueOf(now + 10),
        BigInteger.valueOf(now + 20), amount).encodeFunctionCall(), amount);
    anvil.advanceTime(11);
    byte[] id = org.healthhub.chain.generated.DataHub.getPurchaseRequestedEvents(requested).get(0).purchaseId;
    f.send(f.stranger, f.hub().refundExpired(id));
    assertThat(f.hub().credits(attacker).send()).isEqualTo(amount);

    assertThatThrownBy(() -> f.sender(f.stranger).send(attacker, contract.attack().encodeFunctionCall(), BigInteger.ZERO))
        .isInstanceOf(ContractRevertedException.class)
        .extracting(e -> ((ContractRevertedException) e).errorName()).isEqualTo("TransferFailed");

    assertThat(f.hub().credits(attacker).send()).isEqualTo(amount);
    assertThat(anvil.web3j().ethGetBalance(f.address, DefaultBlockParameterName.LATEST).send().getBalance()).isEqualTo(amount);
  }
}

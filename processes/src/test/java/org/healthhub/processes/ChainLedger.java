package org.healthhub.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.chain.PurchaseState;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Every wei on the chain, step by step: each named party's wallet moves by exactly what the test
 * says plus the gas its own transactions burnt since the last step (read from the blocks), and
 * DataHub holds exactly its open escrows (purchases from PurchaseRequested events, states from the
 * purchases view) plus its unwithdrawn credits (accounts from PaymentCredited events, amounts from
 * the credits view).
 */
final class ChainLedger {
  private static final Set<PurchaseState> ESCROWED =
      EnumSet.of(PurchaseState.REQUESTED, PurchaseState.REPLIED, PurchaseState.DELIVERED, PurchaseState.DISPUTED);
  private static final String PURCHASE_REQUESTED =
      Hash.sha3String("PurchaseRequested(bytes32,address,bytes32,uint256,uint32,uint32)");
  private static final String PAYMENT_CREDITED = Hash.sha3String("PaymentCredited(bytes32,address,uint256)");

  private final Web3j web3j;
  private final DataHubGateway dataHub;
  private final Map<String, String> parties;
  private final Map<String, BigInteger> balances = new HashMap<>();
  private BigInteger checkedBlock;

  /** {@code parties}: user id to wallet address, every wallet the steps may move. */
  ChainLedger(Web3j web3j, DataHubGateway dataHub, Map<String, String> parties) throws IOException {
    this.web3j = web3j;
    this.dataHub = dataHub;
    this.parties = new LinkedHashMap<>(parties);
    checkpoint();
  }

  /**
   * Asserts the step {@code step}: each party's wallet moved by {@code moved} (default zero) minus its
   * gas, and the contract holds its escrows plus credits; then takes the next checkpoint.
   */
  void step(String step, Map<String, BigInteger> moved) throws Exception {
    Map<String, BigInteger> gas = gasSince(checkedBlock);
    for (Map.Entry<String, String> party : parties.entrySet()) {
      String user = party.getKey();
      BigInteger expected = balances.get(user).add(moved.getOrDefault(user, BigInteger.ZERO))
          .subtract(gas.getOrDefault(user, BigInteger.ZERO));
      assertThat(balance(party.getValue())).as("%s: %s's wallet", step, user).isEqualTo(expected);
    }
    assertThat(balance(dataHub.contractAddress())).as("%s: DataHub's balance = open escrows + unwithdrawn credits", step)
        .isEqualTo(openEscrows().add(unwithdrawnCredits()));
    checkpoint();
  }

  BigInteger openEscrows() throws Exception {
    BigInteger sum = BigInteger.ZERO;
    for (Log requested : logs(PURCHASE_REQUESTED)) {
      var purchase = dataHub.purchase(Numeric.hexStringToByteArray(requested.getTopics().get(1)));
      if (ESCROWED.contains(purchase.state())) {
        sum = sum.add(purchase.amount());
      }
    }
    return sum;
  }

  BigInteger unwithdrawnCredits() throws Exception {
    Set<String> accounts = new LinkedHashSet<>();
    for (Log credited : logs(PAYMENT_CREDITED)) {
      accounts.add("0x" + credited.getTopics().get(2).substring(26));
    }
    BigInteger sum = BigInteger.ZERO;
    for (String account : accounts) {
      sum = sum.add(dataHub.credits(account));
    }
    return sum;
  }

  private List<Log> logs(String topic) throws IOException {
    EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
        dataHub.contractAddress()).addSingleTopic(topic);
    return web3j.ethGetLogs(filter).send().getLogs().stream().map(result -> (Log) result.get()).toList();
  }

  private Map<String, BigInteger> gasSince(BigInteger block) throws IOException {
    Map<String, String> userOf = new HashMap<>();
    parties.forEach((user, address) -> userOf.put(address.toLowerCase(), user));
    Map<String, BigInteger> gas = new HashMap<>();
    BigInteger latest = web3j.ethBlockNumber().send().getBlockNumber();
    for (BigInteger number = block.add(BigInteger.ONE); number.compareTo(latest) <= 0; number = number.add(BigInteger.ONE)) {
      EthBlock.Block mined = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(number), true).send().getBlock();
      for (EthBlock.TransactionResult<?> result : mined.getTransactions()) {
        Transaction tx = (Transaction) result.get();
        String user = userOf.get(tx.getFrom().toLowerCase());
        if (user != null) {
          TransactionReceipt receipt = web3j.ethGetTransactionReceipt(tx.getHash()).send().getTransactionReceipt().orElseThrow();
          gas.merge(user, receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice())), BigInteger::add);
        }
      }
    }
    return gas;
  }

  private void checkpoint() throws IOException {
    checkedBlock = web3j.ethBlockNumber().send().getBlockNumber();
    for (Map.Entry<String, String> party : parties.entrySet()) {
      balances.put(party.getKey(), balance(party.getValue()));
    }
  }

  private BigInteger balance(String address) throws IOException {
    return web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }
}

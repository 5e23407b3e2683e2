package org.healthhub.chain.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.healthhub.chain.ChainException;
import org.healthhub.chain.ContractRevertedException;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.chain.LocalAnvil;
import org.healthhub.chain.RevertDecoder;
import org.healthhub.chain.TransactionSender;
import org.healthhub.chain.generated.DataHub;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * A freshly deployed DataHub on a {@link LocalAnvil} with named actors (admin, managers, a registered
 * hospital, a buyer, patients), and helpers to send raw calls as any of them.
 */
public final class DataHubFixture {
  public static final long DISPUTE_WINDOW_SECONDS = 3_600;
  private static final RevertDecoder REVERTS = RevertDecoder.forDataHub();

  public final LocalAnvil anvil;
  public final Credentials admin;
  public final Credentials groupManager;
  public final Credentials revocationManager;
  public final Credentials hospital;
  public final Credentials otherHospital;
  public final Credentials buyer;
  public final List<Credentials> patients;
  public final Credentials stranger;
  public final String address;
  private final DataHub encoder;

  private DataHubFixture(LocalAnvil anvil) throws ChainException {
    this.anvil = anvil;
    List<Credentials> accounts = anvil.accounts();
    admin = accounts.get(0);
    groupManager = accounts.get(1);
    revocationManager = accounts.get(2);
    hospital = accounts.get(3);
    otherHospital = accounts.get(4);
    buyer = accounts.get(5);
    patients = List.of(accounts.get(6), accounts.get(7), accounts.get(8));
    stranger = accounts.get(9);
    address = DataHubGateway.deploy(anvil.web3j(), sender(admin), groupManager.getAddress(),
        revocationManager.getAddress(), DISPUTE_WINDOW_SECONDS);
    encoder = DataHub.load(address, anvil.web3j(), new ReadonlyTransactionManager(anvil.web3j(), admin.getAddress()),
        new DefaultGasProvider());
  }

  /** Deploys DataHub and registers {@link #hospital}. */
  public static DataHubFixture deploy(LocalAnvil anvil) throws ChainException {
    DataHubFixture fixture = new DataHubFixture(anvil);
    fixture.gateway(fixture.admin).registerHospital(fixture.hospital.getAddress());
    return fixture;
  }

  /** The wrapper, for encoding calls and reading views; send through {@link #send}. */
  public DataHub hub() {
    return encoder;
  }

  public TransactionSender sender(Credentials who) {
    return new TransactionSender(anvil.web3j(), who, LocalAnvil.CHAIN_ID, REVERTS, 10, 3_000);
  }

  public DataHubGateway gateway(Credentials who) {
    return new DataHubGateway(anvil.web3j(), sender(who), address);
  }

  public TransactionReceipt send(Credentials who, RemoteFunctionCall<?> call) throws ChainException {
    return send(who, call, BigInteger.ZERO);
  }

  public TransactionReceipt send(Credentials who, RemoteFunctionCall<?> call, BigInteger value) throws ChainException {
    return sender(who).send(address, call.encodeFunctionCall(), value);
  }

  /** Asserts the call reverts with the named custom error. */
  public void assertReverts(String errorName, Credentials who, RemoteFunctionCall<?> call) {
    assertReverts(errorName, who, call, BigInteger.ZERO);
  }

  public void assertReverts(String errorName, Credentials who, RemoteFunctionCall<?> call, BigInteger value) {
    assertThatThrownBy(() -> send(who, call, value))
        .isInstanceOf(ContractRevertedException.class)
        .extracting(e -> ((ContractRevertedException) e).errorName())
        .isEqualTo(errorName);
  }
}

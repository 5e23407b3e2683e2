package org.healthhub.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.healthhub.chain.generated.DataHub;
import org.healthhub.chain.testing.AnvilExtension;
import org.healthhub.chain.testing.DataHubFixture;
import org.healthhub.chain.testing.TestBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

/** Random purchase paths; after every step the contract holds exactly open escrows plus unwithdrawn credits. */
@ExtendWith(AnvilExtension.class)
class DataHubInvariantTest {
  private static final long SEED = 20261124L;
  private static final int STEPS = 150;

  @Test
  void balance_afterEveryRandomStep_equalsOpenEscrowsPlusCredits(LocalAnvil anvil) throws Exception {
    DataHubFixture f = DataHubFixture.deploy(anvil);
    DataHub hub = f.hub();
    Random random = new Random(SEED);
    List<byte[]> ids = new ArrayList<>();
    List<Credentials> everyone = new ArrayList<>(List.of(f.hospital, f.buyer, f.stranger));
    everyone.addAll(f.patients);
    DataHubGateway reader = f.gateway(f.stranger);
    int reverted = 0;

    for (int step = 0; step < STEPS; step++) {
      byte[] id = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
      int action = ids.isEmpty() ? 0 : random.nextInt(4) == 0 ? random.nextInt(10) : nextActionFor(reader.purchase(id).state(), random);
      try {
        switch (action) {
          case 0 -> {
            long now = anvil.now();
            BigInteger amount = BigInteger.valueOf(1 + random.nextInt(1_000_000));
            Credentials buyer = random.nextBoolean() ? f.buyer : f.stranger;
            var receipt = f.send(buyer, hub.requestPurchase(TestBytes.random32(), TestBytes.random32(),
                BigInteger.valueOf(now + 50), BigInteger.valueOf(now + 100), amount), amount);
            ids.add(DataHub.getPurchaseRequestedEvents(receipt).get(0).purchaseId);
          }
          case 1 -> f.send(f.hospital, hub.replyPurchase(id, BigInteger.valueOf(random.nextInt(10_001))));
          case 2 -> f.send(f.hospital, hub.deliverPurchase(id, TestBytes.random32(),
              sortedPatients(f).subList(0, 1 + random.nextInt(3))));
          case 3 -> f.send(f.buyer, hub.acceptDelivery(id));
          case 4 -> f.send(f.buyer, hub.disputeDelivery(id, TestBytes.random32()));
          case 5 -> {
            f.send(f.groupManager, hub.approveOpening(id));
            f.send(f.revocationManager, hub.approveOpening(id));
            f.send(f.groupManager, hub.resolveDispute(id, TestBytes.random32(), random.nextBoolean()));
          }
          case 6 -> f.send(f.stranger, hub.finalizePurchase(id));
          case 7 -> f.send(f.stranger, hub.refundExpired(id));
          case 8 -> f.send(everyone.get(random.nextInt(everyone.size())), hub.withdraw());
          default -> anvil.advanceTime(1 + random.nextInt(120));
        }
      } catch (ContractRevertedException expectedForRandomCalls) {
        reverted++;
      }
      assertThat(balance(f)).as("step %d", step).isEqualTo(openEscrows(reader, ids).add(credits(hub, everyone)));
    }
    assertThat(reverted).as("some random calls must succeed").isLessThan(STEPS);
    List<PurchaseState> reached = new ArrayList<>();
    for (byte[] id : ids) {
      reached.add(reader.purchase(id).state());
    }
    assertThat(reached).as("the walk must reach both endings").contains(PurchaseState.SETTLED, PurchaseState.REFUNDED);
  }

  /** Mostly the moves that advance the purchase, so the walk reaches every ending; the rest are random. */
  private static int nextActionFor(PurchaseState state, Random random) {
    int[] moves = switch (state) {
      case REQUESTED -> new int[] {1, 1, 7, 9};
      case REPLIED -> new int[] {2, 2, 7, 9};
      case DELIVERED -> new int[] {3, 4, 6, 9};
      case DISPUTED -> new int[] {5};
      default -> new int[] {0, 8};
    };
    return moves[random.nextInt(moves.length)];
  }

  private static List<String> sortedPatients(DataHubFixture f) {
    return f.patients.stream().map(c -> c.getAddress().toLowerCase())
        .sorted((a, b) -> new BigInteger(a.substring(2), 16).compareTo(new BigInteger(b.substring(2), 16))).toList();
  }

  private static BigInteger balance(DataHubFixture f) throws Exception {
    return f.anvil.web3j().ethGetBalance(f.address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  private static BigInteger openEscrows(DataHubGateway reader, List<byte[]> ids) throws Exception {
    BigInteger total = BigInteger.ZERO;
    for (byte[] id : ids) {
      PurchaseView p = reader.purchase(id);
      if (p.state() != PurchaseState.SETTLED && p.state() != PurchaseState.REFUNDED) {
        total = total.add(p.amount());
      }
    }
    return total;
  }

  private static BigInteger credits(DataHub hub, List<Credentials> accounts) throws Exception {
    BigInteger total = BigInteger.ZERO;
    for (Credentials account : accounts) {
      total = total.add(hub.credits(account.getAddress()).send());
    }
    return total;
  }
}

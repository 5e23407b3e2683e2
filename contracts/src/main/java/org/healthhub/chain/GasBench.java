package org.healthhub.chain;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.Credentials;

/**
 * Prints DataHub's gas per operation, measured on a fresh local anvil, beside the prototype's figures
 * (storeData 121,346; purchase request 80,000; reply 60,000) and the targets.
 * Usage: {@code GasBench [tools dir]} (default: system property healthhub.tools.dir, else ./tools).
 */
public final class GasBench {
  private static final long PROTOTYPE_STORE = 121_346;
  private static final long PROTOTYPE_REQUEST = 80_000;
  private static final long PROTOTYPE_REPLY = 60_000;
  private static final int BATCH_SIZE = 100;

  private record Row(String operation, long gas, Long prototype, Long target) {}

  public static void main(String[] args) throws Exception {
    Path tools = Path.of(args.length > 0 ? args[0] : System.getProperty("healthhub.tools.dir", "tools"));
    try (LocalAnvil anvil = LocalAnvil.start(tools)) {
      print(measure(anvil));
    }
  }

  private static List<Row> measure(LocalAnvil anvil) throws Exception {
    List<Credentials> a = anvil.accounts();
    Credentials admin = a.get(0);
    Credentials gmKey = a.get(1);
    Credentials rmKey = a.get(2);
    Credentials hospitalKey = a.get(3);
    Credentials buyerKey = a.get(4);
    Credentials patientKey = a.get(5);
    String address = DataHubGateway.deploy(anvil.web3j(), sender(anvil, admin), gmKey.getAddress(), rmKey.getAddress(), 3_600);
    DataHubGateway hub = gateway(anvil, admin, address);
    DataHubGateway hospital = gateway(anvil, hospitalKey, address);
    DataHubGateway buyer = gateway(anvil, buyerKey, address);
    DataHubGateway patient = gateway(anvil, patientKey, address);
    hub.registerHospital(hospitalKey.getAddress());
    List<Row> rows = new ArrayList<>();

    RecordAnchor record = randomRecord(patientKey.getAddress());
    rows.add(new Row("anchorRecord", hospital.anchorRecord(record).gasUsed().longValue(), PROTOTYPE_STORE, 50_000L));

    List<RecordAnchor> batch = new ArrayList<>();
    for (int i = 0; i < BATCH_SIZE; i++) {
      batch.add(randomRecord(patientKey.getAddress()));
    }
    RecordMerkleTree tree = new RecordMerkleTree(batch);
    long batchGas = hospital.anchorBatch(tree, random32()).gasUsed().longValue();
    rows.add(new Row("anchorBatch, 100 records (whole tx)", batchGas, null, null));
    rows.add(new Row("anchorBatch, per record", batchGas / BATCH_SIZE, PROTOTYPE_STORE, 5_000L));
    rows.add(new Row("claimBatchedRecord (depth 7 proof)",
        patient.claimBatchedRecord(tree.root(), tree.record(0), tree.proof(0)).gasUsed().longValue(), null, null));

    long expiry = anvil.now() + 86_400;
    rows.add(new Row("grantShare", patient.grantShare(record.root(), buyerKey.getAddress(), expiry).gasUsed().longValue(),
        null, null));
    rows.add(new Row("revokeShare", patient.revokeShare(record.root(), buyerKey.getAddress()).gasUsed().longValue(), null, null));

    byte[] salt = random32();
    byte[] id = buyer.purchaseIdOf(buyerKey.getAddress(), salt);
    long now = anvil.now();
    rows.add(new Row("requestPurchase (escrow + deadlines)",
        buyer.requestPurchase(salt, random32(), BigInteger.valueOf(1_000_000_007L), now + 600, now + 1_200).gasUsed().longValue(),
        PROTOTYPE_REQUEST, 80_000L));
    rows.add(new Row("replyPurchase (fixes the split)", hospital.replyPurchase(id, 3_000).gasUsed().longValue(),
        PROTOTYPE_REPLY, 60_000L));
    List<String> patients = List.of(a.get(5).getAddress(), a.get(6).getAddress(), a.get(7).getAddress());
    rows.add(new Row("deliverPurchase, 3 patients", hospital.deliverPurchase(id, random32(), patients).gasUsed().longValue(),
        null, null));
    rows.add(new Row("acceptDelivery, 3 patients credited", buyer.acceptDelivery(id).gasUsed().longValue(), null, null));

    Disputed disputedPurchase = dispute(anvil, buyer, hospital, patients);
    byte[] disputed = disputedPurchase.id();
    rows.add(new Row("disputeDelivery", disputedPurchase.gas(), null, null));
    rows.add(new Row("approveOpening (GM)", gateway(anvil, gmKey, address).approveOpening(disputed).gasUsed().longValue(),
        null, null));
    rows.add(new Row("approveOpening (RM)", gateway(anvil, rmKey, address).approveOpening(disputed).gasUsed().longValue(),
        null, null));
    rows.add(new Row("resolveDispute, invalid (refund)",
        gateway(anvil, gmKey, address).resolveDispute(disputed, random32(), false).gasUsed().longValue(), null, null));
    rows.add(new Row("withdraw", hospital.withdraw().gasUsed().longValue(), null, null));
    return rows;
  }

  private record Disputed(byte[] id, long gas) {}

  private static Disputed dispute(LocalAnvil anvil, DataHubGateway buyer, DataHubGateway hospital, List<String> patients)
      throws Exception {
    byte[] salt = random32();
    byte[] id = buyer.purchaseIdOf(buyer.account(), salt);
    long now = anvil.now();
    buyer.requestPurchase(salt, random32(), BigInteger.valueOf(5_000), now + 600, now + 1_200);
    hospital.replyPurchase(id, 5_000);
    hospital.deliverPurchase(id, random32(), patients);
    return new Disputed(id, buyer.disputeDelivery(id, random32()).gasUsed().longValue());
  }

  private static void print(List<Row> rows) {
    String format = "| %-38s | %9s | %9s | %6s | %7s | %-4s |%n";
    System.out.printf(format, "operation", "gas", "prototype", "ratio", "target", "met");
    System.out.printf(format, "-".repeat(38), "-".repeat(9), "-".repeat(9), "-".repeat(6), "-".repeat(7), "----");
    for (Row r : rows) {
      System.out.printf(format, r.operation(), String.format("%,d", r.gas()),
          r.prototype() == null ? "" : String.format("%,d", r.prototype()),
          r.prototype() == null ? "" : String.format("%.3f", (double) r.gas() / r.prototype()),
          r.target() == null ? "" : String.format("%,d", r.target()),
          r.target() == null ? "" : r.gas() <= r.target() ? "yes" : "NO");
    }
  }

  private static TransactionSender sender(LocalAnvil anvil, Credentials key) {
    return new TransactionSender(anvil.web3j(), key, LocalAnvil.CHAIN_ID, RevertDecoder.forDataHub(), 10, 3_000);
  }

  private static DataHubGateway gateway(LocalAnvil anvil, Credentials key, String address) {
    return new DataHubGateway(anvil.web3j(), sender(anvil, key), address);
  }

  private static RecordAnchor randomRecord(String patient) {
    return new RecordAnchor(random32(), random32(), random32(), patient);
  }

  private static byte[] random32() {
    byte[] value = new byte[32];
    new java.security.SecureRandom().nextBytes(value);
    value[0] |= 1;
    return value;
  }
}

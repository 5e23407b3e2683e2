package org.healthhub.workers.keys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whose keystore each topic's handler opens, so a worker serves only what its keystores allow.
 * The managers' and the hospital's topics open one fixed party's keystore (the GM: issuing key,
 * GM share, GML; the RM: RM share; the hospital: its chain key). The other topics open the
 * keystore of the user the task names (the doctor's member key, the patient's HPKE and chain
 * keys); those are checked per task, as the keyring refuses a user it holds no passphrase for.
 */
public final class KeyCustody {

  private static final Logger LOG = LoggerFactory.getLogger(KeyCustody.class);

  private final Map<String, String> holderByTopic;

  private KeyCustody(Map<String, String> holderByTopic) {
    this.holderByTopic = Map.copyOf(holderByTopic);
  }

  /** The topics of the GM, the RM and the hospital account, each opening that party's keystore only. */
  public static KeyCustody of(String groupManager, String revocationManager, String hospitalAccount) {
    if (groupManager.equals(revocationManager)) {
      throw new IllegalArgumentException("the group manager and the revocation manager must be different users");
    }
    Map<String, String> holders = new LinkedHashMap<>();
    holders.put(Topics.GROUPSIG_JOIN_MANAGER, groupManager);
    holders.put(Topics.OPENING_PARTIAL_GM, groupManager);
    holders.put(Topics.OPENING_COMBINE, groupManager);
    holders.put(Topics.OPENING_PARTIAL_RM, revocationManager);
    holders.put(Topics.CHAIN_ANCHOR, hospitalAccount);
    return new KeyCustody(holders);
  }

  /** The party whose keystore the topic's handler opens, or empty for a topic that opens the task's user's. */
  public Optional<String> holderOf(String topic) {
    return Optional.ofNullable(holderByTopic.get(topic));
  }

  /**
   * The subscriptions this process serves with the keystores {@code keyring} may open. Topics
   * listed in {@code requested} must all be servable; with none listed, every topic whose party's
   * keystore is held is served and the others are left out (logged with the reason).
   *
   * @throws MissingKeystoreException naming each listed topic, its party and the passphrase setting
   * @throws IllegalArgumentException if a listed topic has no handler
   */
  public Subscriptions servable(Subscriptions all, Collection<String> requested, Keyring keyring) {
    Subscriptions asked = requested.isEmpty() ? all : all.only(requested);
    Map<String, List<String>> lacking = new TreeMap<>();
    for (String topic : asked.handlers().keySet()) {
      holderOf(topic).filter(holder -> !keyring.holds(holder))
          .ifPresent(holder -> lacking.computeIfAbsent(holder, h -> new ArrayList<>()).add(topic));
    }
    if (lacking.isEmpty()) {
      return asked;
    }
    if (!requested.isEmpty()) {
      throw new MissingKeystoreException(describe(lacking) + ": leave these topics to that party's worker"
          + " (healthhub.workers.topics) or give this worker the passphrase");
    }
    LOG.info("not serving {}", describe(lacking));
    List<String> served = new ArrayList<>(asked.handlers().keySet());
    lacking.values().forEach(served::removeAll);
    return asked.only(served);
  }

  private static String describe(Map<String, List<String>> lacking) {
    List<String> parts = new ArrayList<>();
    lacking.forEach((holder, topics) -> parts.add("topics " + topics.stream().sorted().toList() + " open the keystore of '"
        + holder + "', which this worker may not open (no healthhub.keystores.passphrases." + holder
        + ", nor healthhub.keystores.party=" + holder + " with a passphrase file)"));
    return String.join("; ", parts);
  }
}

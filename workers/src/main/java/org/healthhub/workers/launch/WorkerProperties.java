package org.healthhub.workers.launch;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of both launchers ({@code healthhub.workers.*}).
 *
 * @param inProcess run the handlers inside the engine app; {@code false} leaves them to standalone workers
 * @param threads handler threads (and the most tasks locked at once by the in-process launcher)
 * @param lockDuration how long a fetched task stays locked to this worker
 * @param idleWait pause of the in-process launcher when no task was found
 * @param backoffs one wait per retry of a technical failure; after the last, an incident
 * @param engineRestUrl the engine's REST API, for the standalone launcher
 * @param longPoll how long the standalone launcher's fetch waits for a task (and its stop waits out)
 * @param workerId the id this worker locks tasks under
 * @param topics the topics this process serves, all its keystores allow when empty
 *     ({@link org.healthhub.workers.keys.KeyCustody}): one party's worker serves only
 *     that party's topics, and a handler that keeps state in memory between turns (the group
 *     manager's join) must run in one process only
 */
@ConfigurationProperties("healthhub.workers")
public record WorkerProperties(
    @DefaultValue("true") boolean inProcess,
    @DefaultValue("4") int threads,
    @DefaultValue("60s") Duration lockDuration,
    @DefaultValue("500ms") Duration idleWait,
    @DefaultValue({"5s", "30s", "2m"}) List<Duration> backoffs,
    @DefaultValue("http://localhost:8080/engine-rest") String engineRestUrl,
    @DefaultValue("10s") Duration longPoll,
    @DefaultValue("healthhub-worker") String workerId,
    @DefaultValue List<String> topics) {}

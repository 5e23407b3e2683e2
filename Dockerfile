# HealthHub images, built from this repository: `docker compose build` (or `docker build --target engine .`).
# Stage 1 builds every module with the same pinned tools CI uses; stages 2 and 3 keep only a JRE and one jar.

FROM node:20-bookworm AS build
# Java 17 and Maven 3.8 from Debian; wabt + gcc turn mcl-wasm into the bundled libmcl (crypto module).
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven wabt gcc libc6-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Tools and poms first, so a source change does not re-run npm ci or re-resolve Maven dependencies.
COPY tools/package.json tools/package-lock.json tools/
RUN cd tools && npm ci --no-audit --no-fund --loglevel=error
COPY pom.xml ./
COPY crypto/pom.xml crypto/
COPY contracts/pom.xml contracts/
COPY workers/pom.xml workers/
COPY processes/pom.xml processes/
COPY . .
RUN mvn -B -ntp -DskipTests package \
 && cp processes/target/healthhub-processes-*-SNAPSHOT.jar /engine.jar \
 && cp workers/target/healthhub-workers-*-exec.jar /worker.jar

FROM eclipse-temurin:17-jre AS runtime
# curl for the health checks; a non-root user owns /data (and /data/groups, so a fresh volume mounted there is its own).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data healthhub && mkdir -p /data/groups && chown -R healthhub /data
USER healthhub
WORKDIR /data
ENV HEALTHHUB_DATA_DIR=/data JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"

FROM runtime AS engine
COPY --from=build /engine.jar /app/engine.jar
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/engine.jar"]

FROM runtime AS worker
COPY --from=build /worker.jar /app/worker.jar
# A worker has no HTTP port; it is alive while its JVM runs (Docker restarts it when it exits).
ENTRYPOINT ["java", "-jar", "/app/worker.jar"]

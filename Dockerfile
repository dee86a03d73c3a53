# syntax=docker/dockerfile:1
# ReturnIt's image for those with Docker: the same recipe as bin/image (the scripts and settings of deploy/image/,
# ADR 0040), so the same layers in the same order. RecipesInStepTests keeps the two in step.
#
#   ./mvnw -DskipTests package && docker build -t returnit .
#
# Needs target/returnit.jar (the build context is only deploy/image/ and the jar: .dockerignore).
ARG JDK_IMAGE=eclipse-temurin:25-jdk

# a Debian bookworm root file system made from packages, without a shell (deploy/image/make-base)
FROM debian:bookworm-slim AS base
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends mmdebstrap \
    && rm -rf /var/lib/apt/lists/*
COPY deploy/image/ /recipe/
RUN /recipe/make-base /rootfs

# the jlinked Java runtime and the health probe (deploy/image/make-runtime, the module list deploy/image/java-modules)
FROM ${JDK_IMAGE} AS runtime
COPY deploy/image/ /recipe/
RUN /recipe/make-runtime /runtime

# the Boot jar's layers (deploy/image/make-app-layers)
FROM ${JDK_IMAGE} AS app
COPY deploy/image/ /recipe/
COPY target/returnit.jar /returnit.jar
RUN /recipe/make-app-layers /returnit.jar /layers

FROM scratch
COPY --from=base /rootfs/ /
COPY --from=runtime /runtime/ /
COPY --from=app /layers/dependencies/ /
COPY --from=app /layers/spring-boot-loader/ /
COPY --from=app /layers/snapshot-dependencies/ /
COPY --from=app /layers/application/ /
ENV PATH=/opt/java/bin:/usr/bin:/bin
ENV JAVA_HOME=/opt/java
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
WORKDIR /app
EXPOSE 8080/tcp
STOPSIGNAL SIGTERM
LABEL org.opencontainers.image.title="ReturnIt" \
      org.opencontainers.image.description="On-demand return pickups: a modular monolith"
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s \
    CMD ["/opt/java/bin/java", "-Xms8m", "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", "/opt/returnit/health", "HealthProbe"]
ENTRYPOINT ["/opt/java/bin/java", "org.springframework.boot.loader.launch.JarLauncher"]

# Multi-stage build of the operator image. No engine runs on the project's build machines;
# build and push it where one does:
#   docker build -t <registry>/pcap-operator:0.1.0 . && docker push <registry>/pcap-operator:0.1.0
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY crds crds
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# A fixed non-root user, matching runAsUser in the Helm chart and the kustomize manager.
RUN groupadd --system --gid 65532 operator \
 && useradd --system --uid 65532 --gid operator --no-create-home operator
WORKDIR /app
COPY --from=build /src/target/image-lib /app/lib
COPY --from=build /src/target/pcap-operator.jar /app/pcap-operator.jar
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/pcap-operator.jar"]
CMD ["run"]

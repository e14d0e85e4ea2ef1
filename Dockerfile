# The prediction-batch image, for docker-compose.yml: built from the sources with the Maven wrapper.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests -pl batch-app -am package

FROM eclipse-temurin:17-jre
COPY --from=build /src/batch-app/target/prediction-batch.jar /app/prediction-batch.jar
COPY batch-app/jvm.options /app/jvm.options
WORKDIR /data
# The commands run as ./prediction-batch runs them: its JVM options and the parallel collector (a
# JAVA_TOOL_OPTIONS naming another collector needs an entrypoint without it).
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:+UseParallelGC", "-jar", "/app/prediction-batch.jar"]

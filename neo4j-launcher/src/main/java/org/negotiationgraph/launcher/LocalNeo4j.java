package org.negotiationgraph.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs a Neo4j Community DBMS (the same kernel, Cypher and Bolt server that the Neo4j
 * distribution runs) on a persistent home directory, for development, tests and CI on
 * machines without Docker.
 *
 * Usage: java -cp ... LocalNeo4j <homeDir> <boltHost> <boltPort>
 * The password comes from the NEO4J_PASSWORD environment variable, never the command line,
 * so it does not show in the process list.
 *
 * Prints "NEO4J_READY bolt://host:port" once Bolt accepts connections; the Node scripts wait
 * for that line. Stops cleanly on SIGTERM/SIGINT through a shutdown hook.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LocalNeo4j <homeDir> <boltHost> <boltPort>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            // Neo4j itself refuses passwords shorter than 8 characters; say so before starting.
            System.err.println("NEO4J_PASSWORD must be set and at least 8 characters long");
            System.exit(2);
        }
        Files.createDirectories(home);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                // The HTTP API and Browser are not shipped in these jars; keep the port closed.
                .setConfig(HttpConnector.enabled, false)
                // Small default for laptops and 2-core CI machines; NEO4J_LOCAL_PAGECACHE (e.g.
                // "1g") sizes it for large imports (rule of thumb in docs/imports.md).
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes())
                // A runaway query must not hold the database; clients set shorter timeouts.
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("NEO4J_STOPPING");
            dbms.shutdown();
            System.out.println("NEO4J_STOPPED");
            stopped.countDown();
        }, "neo4j-shutdown"));

        setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME); // fail fast if it cannot start
        System.out.println("NEO4J_READY bolt://" + host + ":" + port);
        System.out.flush();
        stopped.await();
    }

    /** NEO4J_LOCAL_PAGECACHE as bytes ("512m", "2g"); 256 MiB when unset. */
    private static long pageCacheBytes() {
        String value = System.getenv("NEO4J_LOCAL_PAGECACHE");
        if (value == null || value.isBlank()) {
            return ByteUnit.mebiBytes(256);
        }
        return ByteUnit.parse(value.trim());
    }

    /** Sets the neo4j user's password on every start, so the configured one always applies. */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to set the password it already has; that is the state we want.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }
}

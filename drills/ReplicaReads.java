import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which database served the reads of a cluster: every node's {@code returnit_replica_reads_total} (scraped from each
 * node directly, with the scrape token, as {@link ReplicaDrill} does for one node), summed over the nodes. A drill
 * takes a {@link #snapshot} at each mark and compares the phases between them.
 */
final class ReplicaReads {

	/** The sums at one moment; {@code serving} is each node's {@code returnit_replica_serving} (1 = reads go there). */
	record Snapshot(double replica, double primary, String serving) {

		Snapshot minus(Snapshot earlier) {
			return new Snapshot(replica - earlier.replica, primary - earlier.primary, serving);
		}
	}

	private final List<DrillClient> nodes;
	private final String scrapeToken;

	ReplicaReads(String nodeUrls, String scrapeToken) {
		this.nodes = Arrays.stream(nodeUrls.split(",")).map(String::strip).filter(s -> !s.isEmpty())
			.map(DrillClient::new).toList();
		this.scrapeToken = scrapeToken;
	}

	Snapshot snapshot() {
		double replica = 0;
		double primary = 0;
		List<String> serving = new ArrayList<>();
		for (DrillClient node : nodes) {
			ReplicaDrill.Reads reads = ReplicaDrill.reads(node, scrapeToken);
			replica += reads.replica();
			primary += reads.primary();
			serving.add(reads.serving());
		}
		return new Snapshot(replica, primary, serving.stream().collect(Collectors.joining(",")));
	}

	/** Prints the phase and answers whether its reads went where they should: to the replica or to the primary only. */
	static boolean check(String phase, Snapshot reads, boolean replicaExpected) {
		boolean ok = replicaExpected ? reads.replica() >= 1 : reads.replica() == 0 && reads.primary() >= 1;
		return NodeKillDrill.check(ok, "reads %s: %.0f served by the replica, %.0f by the primary (summed over the "
				+ "nodes; replica serving per node now: %s)", phase, reads.replica(), reads.primary(), reads.serving());
	}
}

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Every latency of one phase (nanoseconds), the successes, and each failure kind with one sample. */
final class Latencies {

	/** What a phase measured: throughput over the measured window and nearest-rank percentiles in ms. */
	record Summary(String name, long ok, long errors, double seconds, double perSecond, double p50, double p90,
			double p99, double max, long[] sortedNanos, Map<String, String> errorSamples, CpuMeter.Usage cpu) {
	}

	private final ConcurrentLinkedQueue<long[]> chunks = new ConcurrentLinkedQueue<>();
	private final AtomicLong ok = new AtomicLong();
	private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
	private final Map<String, String> samples = new ConcurrentHashMap<>();

	/** One writer's buffer: each client thread records into its own, so recording takes no lock. */
	final class Buffer {

		private long[] values;
		private int size;

		private Buffer(int capacity) {
			values = new long[capacity];
		}

		void success(long nanos) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = nanos;
			ok.incrementAndGet();
		}

		void failure(String kind, String sample) {
			errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
			samples.putIfAbsent(kind, sample.length() > 300 ? sample.substring(0, 300) : sample);
		}

		void close() {
			chunks.add(Arrays.copyOf(values, size));
		}
	}

	Buffer buffer() {
		return new Buffer(4096);
	}

	/** For a single request: the open-model phase has one writer per booking. */
	Buffer single() {
		return new Buffer(1);
	}

	long errorCount() {
		return errors.values().stream().mapToLong(AtomicLong::get).sum();
	}

	Map<String, String> errorSamples() {
		Map<String, String> out = new TreeMap<>();
		errors.forEach((kind, n) -> out.put(kind + " x" + n.get(), samples.get(kind)));
		return out;
	}

	Summary summarize(String name, double seconds, CpuMeter.Window window) throws InterruptedException {
		CpuMeter.Usage cpu = window == null ? null : window.usage(ok.get());
		long[] all = chunks.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Summary(name, ok.get(), errorCount(), seconds, ok.get() / seconds, ms(all, 0.50), ms(all, 0.90),
				ms(all, 0.99), all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6, all, errorSamples(), cpu);
	}

	private static double ms(long[] sorted, double q) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(q * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}
}

/**
 * How a drill's {@code main} runs its body: a drill that cannot even run (bad arguments, the service unreachable, a
 * failed setup) still ends with a verdict line, FAIL, and exit status 2.
 */
final class DrillMain {

	interface Body {

		void run(String[] args) throws Exception;
	}

	private DrillMain() {
	}

	static void run(String[] args, Body body) {
		try {
			body.run(args);
		}
		catch (Exception | AssertionError e) {
			e.printStackTrace();
			System.out.println("VERDICT: FAIL (the drill could not run: " + e + ")");
			System.exit(2);
		}
	}
}

package com.returnit.dispatch.internal.domain;

import static com.returnit.dispatch.internal.domain.Assignment.INFEASIBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rows are orders, columns drivers, costs pickup distances in km. */
class AssignmentTests {

	@Test
	void theCheapestTotalWinsEvenWhenEachOrdersNearestDriverIsTheSame() {
		double[][] km = {
				{ 0.9, 1.0 },
				{ 0.1, 2.0 } };

		assertThat(Assignment.solve(km)).containsExactly(1, 0);
		assertThat(Assignment.total(km, Assignment.solve(km))).isCloseTo(1.1, within(1e-9));
	}

	@Test
	void aKnownThreeByThreeMatrixIsSolvedOptimally() {
		double[][] km = {
				{ 4, 1, 3 },
				{ 2, 0, 5 },
				{ 3, 2, 2 } };

		assertThat(Assignment.solve(km)).containsExactly(1, 0, 2);
		assertThat(Assignment.total(km, Assignment.solve(km))).isEqualTo(5);
	}

	@Test
	void aKnownFourByFourMatrixIsSolvedOptimally() {
		double[][] km = {
				{ 82, 83, 69, 92 },
				{ 77, 37, 49, 92 },
				{ 11, 69, 5, 86 },
				{ 8, 9, 98, 23 } };

		assertThat(Assignment.solve(km)).containsExactly(2, 1, 0, 3);
		assertThat(Assignment.total(km, Assignment.solve(km))).isEqualTo(140);
	}

	@Test
	void withMoreOrdersThanDriversTheOrdersLeftOverGetNobody() {
		double[][] km = {
				{ 5.0, 6.0 },
				{ 1.0, 9.0 },
				{ 2.0, 1.5 } };

		assertThat(Assignment.solve(km)).containsExactly(-1, 0, 1);
	}

	@Test
	void withMoreDriversThanOrdersTheNearestFreeDriversAreUsed() {
		double[][] km = { { 3.0, 0.5, 7.0, 0.4 } };

		assertThat(Assignment.solve(km)).containsExactly(3);
	}

	@Test
	void anInfeasiblePairIsNeverChosenEvenWhenItLeavesAnOrderWithoutADriver() {
		double[][] km = {
				{ INFEASIBLE, INFEASIBLE },
				{ 0.2, INFEASIBLE } };

		assertThat(Assignment.solve(km)).containsExactly(-1, 0);
	}

	@Test
	void asManyOrdersAsPossibleGetADriverBeforeDistanceCounts() {
		double[][] km = {
				{ 0.1, 50.0 },
				{ 0.1, INFEASIBLE } };

		assertThat(Assignment.solve(km)).containsExactly(1, 0);
	}

	@Test
	void noOrdersOrNoDriversAssignNothing() {
		assertThat(Assignment.solve(new double[0][0])).isEmpty();
		assertThat(Assignment.solve(new double[][] { {}, {} })).containsExactly(-1, -1);
	}

	@Test
	void negativeOrMissingCostsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Assignment.solve(new double[][] { { -1 } }));
		assertThatIllegalArgumentException().isThrownBy(() -> Assignment.solve(new double[][] { { Double.NaN } }));
		assertThatIllegalArgumentException().isThrownBy(() -> Assignment.solve(new double[][] { { 1, 2 }, { 1 } }));
	}

	@Test
	void onRandomSixBySixMatricesTheTotalEqualsTheBestOfAllPermutations() {
		Random random = new Random(20_260_504L);
		for (int trial = 0; trial < 300; trial++) {
			assertSolvedLikeBruteForce(randomKm(random, 6, 6), trial);
		}
	}

	@Test
	void onRandomRectangularMatricesTheTotalEqualsTheBestOfAllChoices() {
		Random random = new Random(4_052_026L);
		for (int trial = 0; trial < 300; trial++) {
			assertSolvedLikeBruteForce(randomKm(random, 1 + random.nextInt(6), 1 + random.nextInt(6)), trial);
		}
	}

	private static void assertSolvedLikeBruteForce(double[][] km, int trial) {
		int[] chosen = Assignment.solve(km);
		Best best = bruteForce(km);

		assertThat(Arrays.stream(chosen).filter(column -> column >= 0).distinct().count())
			.as("no driver twice, trial %d", trial).isEqualTo(assigned(chosen));
		assertThat(assigned(chosen)).as("orders assigned, trial %d", trial).isEqualTo(best.assigned());
		assertThat(Assignment.total(km, chosen)).as("total km, trial %d", trial).isCloseTo(best.km(), within(1e-9));
	}

	/** Pickup distances up to 20 km; one pair in ten infeasible. */
	private static double[][] randomKm(Random random, int orders, int drivers) {
		double[][] km = new double[orders][drivers];
		for (double[] row : km) {
			for (int column = 0; column < drivers; column++) {
				row[column] = random.nextInt(10) == 0 ? INFEASIBLE : Math.round(random.nextDouble() * 2000) / 100.0;
			}
		}
		return km;
	}

	/** The most feasible pairs, then the least total cost. */
	private record Best(int assigned, double km) {

		Best orBetter(Best other) {
			return other.assigned > assigned || (other.assigned == assigned && other.km < km) ? other : this;
		}
	}

	/** Every way to give each order a different driver or none. */
	private static Best bruteForce(double[][] km) {
		return choose(km, new boolean[km[0].length], 0, new Best(0, 0));
	}

	private static Best choose(double[][] km, boolean[] used, int row, Best sofar) {
		if (row == km.length) {
			return sofar;
		}
		Best best = choose(km, used, row + 1, sofar);
		for (int column = 0; column < used.length; column++) {
			if (!used[column] && km[row][column] != INFEASIBLE) {
				used[column] = true;
				best = best.orBetter(choose(km, used, row + 1, new Best(sofar.assigned() + 1, sofar.km() + km[row][column])));
				used[column] = false;
			}
		}
		return best;
	}

	private static long assigned(int[] chosen) {
		return Arrays.stream(chosen).filter(column -> column >= 0).count();
	}
}

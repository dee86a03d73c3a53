package com.returnit.dispatch.internal.domain;

import static com.returnit.dispatch.internal.domain.Assignment.INFEASIBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

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
			double[][] km = new double[6][6];
			for (double[] row : km) {
				for (int column = 0; column < 6; column++) {
					row[column] = random.nextInt(10) == 0 ? INFEASIBLE : Math.round(random.nextDouble() * 2000) / 100.0;
				}
			}
			int[] chosen = Assignment.solve(km);
			Best best = bruteForce(km);

			assertThat(assigned(chosen)).as("orders assigned, trial %d", trial).isEqualTo(best.assigned());
			assertThat(Assignment.total(km, chosen)).as("total km, trial %d", trial).isCloseTo(best.km(), within(1e-9));
		}
	}

	/** The most feasible pairs, then the least total cost, over all 720 permutations. */
	private record Best(int assigned, double km) {
	}

	private static Best bruteForce(double[][] km) {
		return permute(km, new int[km.length], new boolean[km.length], 0, new Best(-1, 0));
	}

	private static Best permute(double[][] km, int[] columns, boolean[] used, int row, Best best) {
		if (row == km.length) {
			int assigned = 0;
			double total = 0;
			for (int r = 0; r < km.length; r++) {
				if (km[r][columns[r]] != INFEASIBLE) {
					assigned++;
					total += km[r][columns[r]];
				}
			}
			boolean better = assigned > best.assigned() || (assigned == best.assigned() && total < best.km());
			return better ? new Best(assigned, total) : best;
		}
		for (int column = 0; column < km.length; column++) {
			if (!used[column]) {
				used[column] = true;
				columns[row] = column;
				best = permute(km, columns, used, row + 1, best);
				used[column] = false;
			}
		}
		return best;
	}

	private static int assigned(int[] chosen) {
		return (int) java.util.Arrays.stream(chosen).filter(column -> column >= 0).count();
	}
}

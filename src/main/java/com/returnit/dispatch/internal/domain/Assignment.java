package com.returnit.dispatch.internal.domain;

import java.util.Arrays;

/**
 * Minimum-cost assignment of rows (orders) to columns (drivers): the Hungarian method with potentials. A rectangular
 * matrix is solved from its shorter side, which is the same as padding the shorter side with free dummy lines but
 * costs O(short^2 * long) rather than O(long^3): 200 orders among 2,000 drivers stay cheap. A pair marked
 * {@link #INFEASIBLE} gets a cost above any assignment of feasible pairs, so the solver first pairs as many rows as it
 * can with feasible columns, then minimises their total cost; an infeasible pair is never answered.
 */
public final class Assignment {

	/** The cost of a pair that must not be chosen (the vehicle does not fit, no room, offered before). */
	public static final double INFEASIBLE = Double.POSITIVE_INFINITY;

	private Assignment() {
	}

	/**
	 * For each row, the column it is assigned, or -1 when it gets none (more rows than columns, or only infeasible
	 * pairs left for it). Costs must be finite and non-negative, or {@link #INFEASIBLE}.
	 */
	public static int[] solve(double[][] cost) {
		int rows = cost.length;
		int columns = rows == 0 ? 0 : cost[0].length;
		int[] chosen = new int[rows];
		Arrays.fill(chosen, -1);
		if (rows == 0 || columns == 0) {
			return chosen;
		}
		double[][] priced = priced(cost, columns);
		boolean transposed = rows > columns;
		int[] matched = new Hungarian(transposed ? transpose(priced) : priced).solve();
		for (int line = 0; line < matched.length; line++) {
			int row = transposed ? matched[line] : line;
			int column = transposed ? line : matched[line];
			if (cost[row][column] != INFEASIBLE) {
				chosen[row] = column;
			}
		}
		return chosen;
	}

	/** The sum of the costs of the chosen pairs. */
	public static double total(double[][] cost, int[] chosen) {
		double sum = 0;
		for (int row = 0; row < chosen.length; row++) {
			sum += chosen[row] < 0 ? 0 : cost[row][chosen[row]];
		}
		return sum;
	}

	/** The costs with infeasible pairs priced above the sum of every feasible one. */
	private static double[][] priced(double[][] cost, int columns) {
		double feasibleSum = 0;
		for (double[] row : cost) {
			if (row.length != columns) {
				throw new IllegalArgumentException("every row needs " + columns + " columns");
			}
			for (double c : row) {
				if (c != INFEASIBLE && !(c >= 0 && Double.isFinite(c))) {
					throw new IllegalArgumentException("costs must be finite and non-negative: " + c);
				}
				feasibleSum += c == INFEASIBLE ? 0 : c;
			}
		}
		double prohibitive = feasibleSum + 1;
		double[][] priced = new double[cost.length][];
		for (int row = 0; row < cost.length; row++) {
			priced[row] = Arrays.stream(cost[row]).map(c -> c == INFEASIBLE ? prohibitive : c).toArray();
		}
		return priced;
	}

	private static double[][] transpose(double[][] a) {
		double[][] t = new double[a[0].length][a.length];
		for (int row = 0; row < a.length; row++) {
			for (int column = 0; column < a[0].length; column++) {
				t[column][row] = a[row][column];
			}
		}
		return t;
	}

	/**
	 * Kuhn–Munkres with row and column potentials for n rows and m >= n columns, 1-based inside, column 0 the root of
	 * each search: adds the rows one at a time, each along the cheapest augmenting path under the reduced costs, in
	 * O(n^2 m). Answers the column of each row.
	 */
	private static final class Hungarian {

		private final double[][] a;
		private final int n;
		private final int m;
		private final double[] u;
		private final double[] v;
		private final int[] rowOfColumn;
		private final int[] way;

		Hungarian(double[][] a) {
			this.a = a;
			this.n = a.length;
			this.m = a[0].length;
			this.u = new double[n + 1];
			this.v = new double[m + 1];
			this.rowOfColumn = new int[m + 1];
			this.way = new int[m + 1];
		}

		int[] solve() {
			for (int row = 1; row <= n; row++) {
				augment(row);
			}
			int[] columnOfRow = new int[n];
			for (int column = 1; column <= m; column++) {
				if (rowOfColumn[column] != 0) {
					columnOfRow[rowOfColumn[column] - 1] = column - 1;
				}
			}
			return columnOfRow;
		}

		private void augment(int row) {
			rowOfColumn[0] = row;
			int column0 = 0;
			double[] minSlack = new double[m + 1];
			boolean[] used = new boolean[m + 1];
			Arrays.fill(minSlack, Double.POSITIVE_INFINITY);
			do {
				used[column0] = true;
				column0 = step(rowOfColumn[column0], column0, minSlack, used);
			}
			while (rowOfColumn[column0] != 0);
			do {
				int previous = way[column0];
				rowOfColumn[column0] = rowOfColumn[previous];
				column0 = previous;
			}
			while (column0 != 0);
		}

		/** Grows the search tree by the tightest column and shifts the potentials; answers that column. */
		private int step(int row0, int column0, double[] minSlack, boolean[] used) {
			double delta = Double.POSITIVE_INFINITY;
			int next = 0;
			for (int column = 1; column <= m; column++) {
				if (!used[column]) {
					double slack = a[row0 - 1][column - 1] - u[row0] - v[column];
					if (slack < minSlack[column]) {
						minSlack[column] = slack;
						way[column] = column0;
					}
					if (minSlack[column] < delta) {
						delta = minSlack[column];
						next = column;
					}
				}
			}
			for (int column = 0; column <= m; column++) {
				if (used[column]) {
					u[rowOfColumn[column]] += delta;
					v[column] -= delta;
				}
				else {
					minSlack[column] -= delta;
				}
			}
			return next;
		}
	}
}
